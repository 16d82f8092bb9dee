package dev.schism.harness.backend.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The labels on everything a run creates (containers, networks): which run, and which harness process
 * owns it (host, pid and that process's start time, so a recycled pid is not mistaken for the owner).
 * With no Ryuk reaper offline, these are what lets the next run, or {@code schism clean}, find what a
 * harness killed with SIGKILL left behind.
 */
record Labels(String run, String owner) {
    static final String RUN = "dev.schism.run";
    static final String OWNER = "dev.schism.owner";

    /** Fresh labels for a run of this JVM. */
    static Labels forThisProcess() {
        return new Labels(UUID.randomUUID().toString().substring(0, 8), ownerOf(ProcessHandle.current()));
    }

    static String ownerOf(ProcessHandle p) {
        long start = p.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        return host() + "/" + p.pid() + "/" + start;
    }

    /** Whether the owner label names a process that still runs here; false for another host, which cannot be asked. */
    static boolean ownerAlive(String owner) {
        String[] parts = owner == null ? new String[0] : owner.split("/");
        if (parts.length != 3 || !parts[0].equals(host())) {
            return false;
        }
        try {
            Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(parts[1]));
            return p.isPresent() && p.get().isAlive() && ownerOf(p.get()).equals(owner);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether an owner label comes from this host (only those can be judged dead or alive). */
    static boolean fromThisHost(String owner) {
        return owner != null && owner.startsWith(host() + "/");
    }

    static String host() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = Files.readString(Path.of("/etc/hostname")).strip();
            } catch (IOException e) {
                h = "localhost";
            }
        }
        return h;
    }

    Map<String, String> asMap() {
        return Map.of(RUN, run, OWNER, owner);
    }

    @Override
    public String toString() {
        return "run " + run + " owned by " + owner;
    }
}
