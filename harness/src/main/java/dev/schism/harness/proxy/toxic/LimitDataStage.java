package dev.schism.harness.proxy.toxic;

/**
 * limit_data{bytes}: passes at most {@code bytes} bytes in this direction, cutting the chunk that crosses the
 * limit, then closes the connection. The count lives as long as the toxic on this link (restarts keep it); nothing
 * happens until data flows.
 */
final class LimitDataStage extends Stage {
    private long transmitted;

    LimitDataStage(LinkContext link) {
        super(link);
    }

    /** Bytes passed so far on this link (the toxic's per-link state). */
    long transmitted() {
        return transmitted;
    }

    @Override
    protected void process(Chunk chunk) {
        if (chunk.isEof()) {
            emit(chunk);
            return;
        }
        long limit = spec.attr("bytes");
        long remaining = limit - transmitted;
        if (remaining > 0) {
            int len = chunk.length();
            if (len > remaining) {
                chunk.data().writerIndex(chunk.data().readerIndex() + (int) remaining);
                len = (int) remaining;
            }
            transmitted += len;
            emit(chunk);
        } else {
            chunk.release();
        }
        if (transmitted >= limit) {
            finishWithEof();
        }
    }

    @Override
    protected boolean busy() {
        return false;
    }

    @Override
    protected void interrupt() {
    }
}
