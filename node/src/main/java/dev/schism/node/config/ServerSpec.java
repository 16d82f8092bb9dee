package dev.schism.node.config;

/**
 * One {@code server.N=host:quorumPort:electionPort[:participant|:observer][;[clientHost:]clientPort]} line.
 *
 * @param clientPort -1 when the line has no client part
 */
public record ServerSpec(long sid, String host, int quorumPort, int electionPort, boolean observer,
                         String clientHost, int clientPort) {
    @Override
    public String toString() {
        return "server." + sid + "=" + host + ":" + quorumPort + ":" + electionPort
                + (observer ? ":observer" : ":participant")
                + (clientPort >= 0 ? ";" + (clientHost == null ? "" : clientHost + ":") + clientPort : "");
    }
}
