package dev.schism.harness.proxy.toxic;

/**
 * reset_peer{timeout} in ms: nothing happens until the first input (data or EOF) arrives; that input is dropped and
 * after {@code timeout} the whole connection is closed, which is an RST because the connection set SO_LINGER 0 when
 * it was created with a reset_peer present. The wait cannot be interrupted, as in Toxiproxy.
 */
final class ResetPeerStage extends Stage {
    private boolean triggered;

    ResetPeerStage(LinkContext link) {
        super(link);
    }

    @Override
    protected void process(Chunk chunk) {
        chunk.release();
        triggered = true;
        schedule(spec.attr("timeout") * 1_000_000L, link::closeConnection);
    }

    @Override
    protected boolean busy() {
        return triggered;
    }

    @Override
    protected void interrupt() {
        // The pending reset is deliberately kept: Toxiproxy's sleep before the reset is not interruptible.
    }
}
