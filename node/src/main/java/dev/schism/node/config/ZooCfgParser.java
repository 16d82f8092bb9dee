package dev.schism.node.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads zoo.cfg (ZooKeeper's {@code key=value} syntax, {@code #} comments) and the myid file. Errors are
 * {@link ConfigException}s whose message starts with {@code <file>:<line>:} when a line is at fault, or
 * {@code <file>:} when something is missing.
 */
public final class ZooCfgParser {
    private static final Logger LOG = LoggerFactory.getLogger(ZooCfgParser.class);

    /** Words ZooKeeper accepts in 4lw.commands.whitelist; others are refused so that typos show. */
    private static final Set<String> FOUR_LETTER_WORDS = Set.of("conf", "cons", "crst", "dirs", "dump", "envi",
            "gtmk", "hash", "isro", "mntr", "ruok", "srst", "srvr", "stat", "stmk", "wchc", "wchp", "wchs",
            "clok");

    private final String name;
    private final Map<String, Line> values = new LinkedHashMap<>();
    private final Map<Long, ServerSpec> servers = new TreeMap<>();

    private record Line(int number, String value) {
    }

    private ZooCfgParser(String name) {
        this.name = name;
    }

    public static ZooCfg parse(Path file) throws ConfigException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        return new ZooCfgParser(name).parse(file, lines);
    }

    private ZooCfg parse(Path file, List<String> lines) throws ConfigException {
        for (int i = 0; i < lines.size(); i++) {
            readLine(i + 1, lines.get(i));
        }
        Map<String, String> unknown = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        Map<String, Line> known = new HashMap<>();
        for (Map.Entry<String, Line> e : values.entrySet()) {
            if (isKnown(e.getKey())) {
                known.put(e.getKey(), e.getValue());
            } else {
                unknown.put(e.getKey(), e.getValue().value());
                if (!e.getKey().equals(ZooCfg.SUPER_DIGEST_KEY) && !e.getKey().equals(ZooCfg.EXTENDED_TYPES_KEY)
                        && !e.getKey().equals(ZooCfg.STANDALONE_ENABLED_KEY)) {
                    ignored.add(e.getKey());
                }
            }
        }
        if (!ignored.isEmpty()) {
            LOG.warn("{}: ignoring keys Schism does not use: {}", name, String.join(", ", ignored));
        }

        int tickTime = positiveInt(known, "tickTime", -1);
        if (tickTime < 0) {
            throw missing("tickTime is not set");
        }
        Line dataDirLine = known.get("dataDir");
        if (dataDirLine == null || dataDirLine.value().isEmpty()) {
            throw missing("dataDir is not set");
        }
        Path dataDir = Path.of(dataDirLine.value()).toAbsolutePath().normalize();
        Line dataLogLine = known.get("dataLogDir");
        Path dataLogDir = dataLogLine == null || dataLogLine.value().isEmpty() ? dataDir
                : Path.of(dataLogLine.value()).toAbsolutePath().normalize();

        boolean standaloneEnabled = yesNo(values, ZooCfg.STANDALONE_ENABLED_KEY, true);
        if (values.containsKey(ZooCfg.STANDALONE_ENABLED_KEY)) {
            unknown.put(ZooCfg.STANDALONE_ENABLED_KEY, Boolean.toString(standaloneEnabled)); // what ZooCfg reads
        }
        boolean standalone = servers.isEmpty() || servers.size() == 1 && standaloneEnabled;
        int initLimit = positiveInt(known, "initLimit", standalone ? 10 : -1);
        int syncLimit = positiveInt(known, "syncLimit", standalone ? 5 : -1);
        if (initLimit < 0) {
            throw missing("initLimit is not set (required with more than one server line)");
        }
        if (syncLimit < 0) {
            throw missing("syncLimit is not set (required with more than one server line)");
        }
        if (!servers.isEmpty() && servers.values().stream().noneMatch(s -> !s.observer())) {
            throw missing("no participant among the server lines (every server is an observer)");
        }

        long myId = readMyId(dataDir, standalone);
        ServerSpec me = servers.get(myId);
        if (!servers.isEmpty() && me == null) {
            throw new ConfigException(dataDir.resolve("myid") + ": id " + myId + " has no server." + myId
                    + " line in " + name + " (servers: " + servers.keySet() + ")");
        }

        boolean observer = me != null && me.observer();
        Line peerType = known.get("peerType");
        if (peerType != null) {
            String pt = peerType.value().toLowerCase();
            if (!pt.equals("observer") && !pt.equals("participant")) {
                throw at(peerType, "peerType must be observer or participant, got '" + peerType.value() + "'");
            }
            if (me != null && pt.equals("observer") != observer) {
                LOG.warn("{}:{}: peerType={} disagrees with server.{}; the server line wins", name,
                        peerType.number(), pt, myId);
            }
        }

        String clientAddress = known.containsKey("clientPortAddress") ? known.get("clientPortAddress").value()
                : null;
        int clientPort = port(known, "clientPort");
        if (me != null && me.clientPort() >= 0) {
            if (clientPort < 0) {
                clientPort = me.clientPort();
            }
            if (clientAddress == null && me.clientHost() != null) {
                clientAddress = me.clientHost();
            }
        }
        if (clientPort < 0) {
            throw missing("clientPort is not set (and server." + myId + " has no ;clientPort part)");
        }
        if (clientAddress == null || clientAddress.isEmpty()) {
            clientAddress = "0.0.0.0";
        }

        int minSession = positiveInt(known, "minSessionTimeout", 2 * tickTime);
        int maxSession = positiveInt(known, "maxSessionTimeout", 20 * tickTime);
        if (minSession > maxSession) {
            Line l = known.containsKey("minSessionTimeout") ? known.get("minSessionTimeout")
                    : known.get("maxSessionTimeout");
            throw at(l, "minSessionTimeout (" + minSession + ") is larger than maxSessionTimeout (" + maxSession
                    + ")");
        }
        int maxCnxns = nonNegativeInt(known, "maxClientCnxns", 60);
        int snapCount = positiveInt(known, "snapCount", 10_000);
        int retain = positiveInt(known, "autopurge.snapRetainCount", 3);
        if (retain < 3) {
            LOG.warn("{}: autopurge.snapRetainCount={} raised to 3, as ZooKeeper does", name, retain);
            retain = 3;
        }
        boolean forceSync = yesNo(known, "forceSync", true);
        Set<String> words = fourLetterWords(known.get("4lw.commands.whitelist"));

        return new ZooCfg(file, myId, tickTime, initLimit, syncLimit, dataDir, dataLogDir, clientAddress,
                clientPort, Map.copyOf(servers), observer, words, minSession, maxSession, maxCnxns, snapCount,
                retain, forceSync, Map.copyOf(unknown));
    }

    private static boolean isKnown(String key) {
        return switch (key) {
            case "tickTime", "initLimit", "syncLimit", "dataDir", "dataLogDir", "clientPort", "clientPortAddress",
                    "peerType", "4lw.commands.whitelist", "minSessionTimeout", "maxSessionTimeout",
                    "maxClientCnxns", "snapCount", "autopurge.snapRetainCount", "forceSync" -> true;
            default -> false;
        };
    }

    private void readLine(int number, String raw) throws ConfigException {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
            return;
        }
        int eq = line.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(name + ":" + number + ": expected key=value, got '" + line + "'");
        }
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        if (key.startsWith("server.")) {
            ServerSpec spec = parseServer(number, key, value);
            if (servers.containsKey(spec.sid())) {
                throw new ConfigException(name + ":" + number + ": server." + spec.sid() + " is listed twice");
            }
            for (ServerSpec other : servers.values()) {
                if (other.host().equals(spec.host()) && (sharesPort(other, spec.quorumPort())
                        || sharesPort(other, spec.electionPort()))) {
                    throw new ConfigException(name + ":" + number + ": server." + spec.sid()
                            + " uses a port of server." + other.sid() + " on " + spec.host());
                }
            }
            servers.put(spec.sid(), spec);
            return;
        }
        if (values.containsKey(key)) {
            LOG.warn("{}:{}: {} set again (line {}); the last value wins", name, number, key,
                    values.get(key).number());
        }
        values.put(key, new Line(number, value));
    }

    private static boolean sharesPort(ServerSpec s, int port) {
        return s.quorumPort() == port || s.electionPort() == port;
    }

    private ServerSpec parseServer(int number, String key, String value) throws ConfigException {
        String prefix = name + ":" + number + ": ";
        String idText = key.substring("server.".length());
        long sid;
        try {
            sid = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw new ConfigException(prefix + "server id '" + idText + "' is not a number");
        }
        if (sid < 0) {
            throw new ConfigException(prefix + "server id " + sid + " is negative");
        }
        String who = "server." + sid;
        String quorumPart = value;
        String clientPart = null;
        int semi = value.indexOf(';');
        if (semi >= 0) {
            quorumPart = value.substring(0, semi).strip();
            clientPart = value.substring(semi + 1).strip();
        }
        if (quorumPart.contains("|")) {
            throw new ConfigException(prefix + who + " lists several addresses; Schism supports one");
        }
        String[] f = quorumPart.split(":", -1);
        if (f.length < 1 || f[0].isBlank()) {
            throw new ConfigException(prefix + who + " has no host");
        }
        if (f.length < 2 || f[1].isBlank()) {
            throw new ConfigException(prefix + who + " has no quorum port");
        }
        if (f.length < 3 || f[2].isBlank()) {
            throw new ConfigException(prefix + who + " has no election port");
        }
        if (f.length > 4) {
            throw new ConfigException(prefix + who + " has too many ':' fields in '" + quorumPart + "'");
        }
        String host = f[0].strip();
        int quorumPort = portValue(prefix, who + " quorum port", f[1]);
        int electionPort = portValue(prefix, who + " election port", f[2]);
        if (quorumPort == electionPort) {
            throw new ConfigException(prefix + who + " uses port " + quorumPort
                    + " for both quorum and election; they must differ");
        }
        boolean observer = false;
        if (f.length == 4) {
            String role = f[3].strip().toLowerCase();
            if (role.equals("observer")) {
                observer = true;
            } else if (!role.equals("participant")) {
                throw new ConfigException(prefix + who + " has unknown role '" + f[3].strip()
                        + "' (expected participant or observer)");
            }
        }
        String clientHost = null;
        int clientPort = -1;
        if (clientPart != null) {
            if (clientPart.isEmpty()) {
                throw new ConfigException(prefix + who + " has an empty client part after ';'");
            }
            int colon = clientPart.lastIndexOf(':');
            if (colon >= 0) {
                clientHost = clientPart.substring(0, colon).strip();
                clientPart = clientPart.substring(colon + 1);
            }
            clientPort = portValue(prefix, who + " client port", clientPart);
        }
        return new ServerSpec(sid, host, quorumPort, electionPort, observer, clientHost, clientPort);
    }

    private static int portValue(String prefix, String what, String text) throws ConfigException {
        int port;
        try {
            port = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(prefix + what + " '" + text.strip() + "' is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException(prefix + what + " " + port + " is out of range 0..65535");
        }
        return port;
    }

    private long readMyId(Path dataDir, boolean standalone) throws ConfigException {
        Path file = dataDir.resolve("myid");
        if (!Files.exists(file)) {
            if (standalone) {
                return servers.isEmpty() ? 0 : servers.keySet().iterator().next();
            }
            throw new ConfigException(file + ": missing; every server of an ensemble needs its id there"
                    + " (for example: echo 1 > " + file + ")");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        try {
            long id = Long.parseLong(text);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new ConfigException(file + ": '" + text + "' is not a server id (a non-negative number)");
        }
    }

    private Set<String> fourLetterWords(Line line) throws ConfigException {
        if (line == null) {
            return Set.of("srvr");
        }
        Set<String> words = new TreeSet<>();
        for (String w : line.value().split("[,\\s]+")) {
            String word = w.strip().toLowerCase();
            if (word.isEmpty()) {
                continue;
            }
            if (!word.equals("*") && !FOUR_LETTER_WORDS.contains(word)) {
                throw at(line, "4lw.commands.whitelist has unknown word '" + w.strip() + "' (known: "
                        + FOUR_LETTER_WORDS.stream().sorted().collect(Collectors.joining(",")) + ", or *)");
            }
            words.add(word);
        }
        return Set.copyOf(words);
    }

    private int positiveInt(Map<String, Line> known, String key, int dflt) throws ConfigException {
        Line l = known.get(key);
        if (l == null) {
            return dflt;
        }
        int v = intValue(l, key);
        if (v <= 0) {
            throw at(l, key + " must be positive, got " + v);
        }
        return v;
    }

    private int nonNegativeInt(Map<String, Line> known, String key, int dflt) throws ConfigException {
        Line l = known.get(key);
        if (l == null) {
            return dflt;
        }
        int v = intValue(l, key);
        if (v < 0) {
            throw at(l, key + " must not be negative, got " + v);
        }
        return v;
    }

    private int port(Map<String, Line> known, String key) throws ConfigException {
        Line l = known.get(key);
        if (l == null) {
            return -1;
        }
        int v = intValue(l, key);
        if (v < 0 || v > 65535) {
            throw at(l, key + " " + v + " is out of range 0..65535");
        }
        return v;
    }

    private int intValue(Line l, String key) throws ConfigException {
        try {
            return Integer.parseInt(l.value());
        } catch (NumberFormatException e) {
            throw at(l, key + " must be a number, got '" + l.value() + "'");
        }
    }

    private boolean yesNo(Map<String, Line> known, String key, boolean dflt) throws ConfigException {
        Line l = known.get(key);
        if (l == null) {
            return dflt;
        }
        String v = l.value().toLowerCase();
        if (Arrays.asList("yes", "true").contains(v)) {
            return true;
        }
        if (Arrays.asList("no", "false").contains(v)) {
            return false;
        }
        throw at(l, key + " must be yes or no, got '" + l.value() + "'");
    }

    private ConfigException at(Line l, String reason) {
        return new ConfigException(name + ":" + l.number() + ": " + reason);
    }

    private ConfigException missing(String reason) {
        return new ConfigException(name + ": " + reason);
    }
}
