package dev.schism.harness.proxy.toxic;

/** noop: passes everything through; a valid user type, mostly useful to test the API. */
final class NoopStage extends Stage {
    NoopStage(LinkContext link) {
        super(link);
    }

    @Override
    protected void process(Chunk chunk) {
        emit(chunk);
    }

    @Override
    protected boolean busy() {
        return false;
    }

    @Override
    protected void interrupt() {
    }
}
