package dev.schism.node;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Puts a prefix (the server id) at the start of every line written through it, so that the logs of several
 * servers sharing one terminal or one CI log can be told apart.
 */
final class LinePrefixingStream extends OutputStream {
    private final OutputStream out;
    private volatile byte[] prefix;
    private boolean atLineStart = true;

    LinePrefixingStream(OutputStream out, String prefix) {
        this.out = out;
        setPrefix(prefix);
    }

    void setPrefix(String prefix) {
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (atLineStart) {
            out.write(prefix);
            atLineStart = false;
        }
        out.write(b);
        if (b == '\n') {
            atLineStart = true;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (atLineStart) {
                out.write(b, start, i - start);
                out.write(prefix);
                start = i;
                atLineStart = false;
            }
            if (b[i] == '\n') {
                atLineStart = true;
            }
        }
        out.write(b, start, end - start);
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }
}
