package dev.schism.harness.backend.local;

import dev.schism.harness.backend.NodeHandle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One node's OS process: started from a fixed command, killed with SIGKILL, paused with SIGSTOP. Thread-safe. */
final class NodeProcess implements NodeHandle {
    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private final InetSocketAddress adminAddress;
    private Process process;
    private boolean paused;
    private boolean retired;
    /** Set when the harness stops the process on purpose; an exit without it is the node's own doing. */
    private boolean expectedDown;
    private final List<String> ownExits = new java.util.ArrayList<>();

    NodeProcess(String name, List<String> command, Map<String, String> env, Path log, InetSocketAddress adminAddress) {
        this.name = name;
        this.command = command;
        this.env = env;
        this.log = log;
        this.adminAddress = adminAddress;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InetSocketAddress adminAddress() {
        return adminAddress;
    }

    Path log() {
        return log;
    }

    @Override
    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized boolean paused() {
        return paused && alive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Exit code if the process has ended on its own, else null. */
    synchronized Integer exitCode() {
        return process != null && !process.isAlive() ? process.exitValue() : null;
    }

    synchronized void start() throws IOException {
        if (retired) {
            throw new IOException(name + " cannot start: its cluster is shutting down");
        }
        if (alive()) {
            return;
        }
        noteOwnExit();
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        // The node exits when this JVM dies, however it dies: it watches the stdin pipe this JVM holds open.
        pb.environment().put("SCHISM_EXIT_WITH_PARENT", "1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        process = pb.start();
        paused = false;
        expectedDown = false;
    }

    /** SIGKILL and wait for the process to be gone. */
    synchronized void kill() throws IOException {
        if (process == null) {
            return;
        }
        noteOwnExit();
        expectedDown = true;
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IOException(name + " (pid " + process.pid() + ") survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while killing " + name, e);
        }
        paused = false;
    }

    /** Kills the process and refuses every later start (the cluster is closing). */
    synchronized void retire() throws IOException {
        retired = true;
        kill();
    }

    /** Exits the node made on its own (not killed by the harness), e.g. {@code exited with status 4}. */
    synchronized List<String> ownExits() {
        noteOwnExit();
        return List.copyOf(ownExits);
    }

    private void noteOwnExit() {
        if (process != null && !process.isAlive() && !expectedDown) {
            ownExits.add("exited by itself with status " + process.exitValue());
            expectedDown = true; // noted once
        }
    }

    @Override
    public synchronized void pause() throws IOException {
        signal("STOP");
        paused = true;
    }

    @Override
    public synchronized void resume() throws IOException {
        signal("CONT");
        paused = false;
    }

    private void signal(String sig) throws IOException {
        if (!alive()) {
            throw new IOException(name + " is not running");
        }
        Process k = new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid())).redirectErrorStream(true).start();
        try {
            if (!k.waitFor(5, TimeUnit.SECONDS) || k.exitValue() != 0) {
                k.destroyForcibly();
                throw new IOException("kill -" + sig + " " + process.pid() + " (" + name + ") failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling " + name, e);
        }
    }

    @Override
    public synchronized String toString() {
        return name + (process == null ? " (never started)" : " pid " + process.pid() + (alive() ? paused ? " paused" : " running" : " exited " + process.exitValue()));
    }
}
