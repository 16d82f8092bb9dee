package dev.schism.node.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Four-letter words (srvr, ruok, mntr) over a fresh socket to a client port on 127.0.0.1. */
public final class FourLetterWords {
    private FourLetterWords() {
    }

    /** The server's answer to {@code word}; null if it cannot be reached. */
    public static String ask(int clientPort, String word) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", clientPort), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** The value of the {@code Mode:} line of a {@code srvr} answer (leader, follower, ...); null if none. */
    public static String mode(String srvr) {
        if (srvr == null) {
            return null;
        }
        for (String line : srvr.split("\n")) {
            if (line.startsWith("Mode: ")) {
                return line.substring(6).strip();
            }
        }
        return null;
    }
}
