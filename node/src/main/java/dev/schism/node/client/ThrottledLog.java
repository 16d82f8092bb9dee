package dev.schism.node.client;

import org.slf4j.Logger;

/**
 * WARN for client misbehaviour (bad frames, oversized lengths), at most {@link #PER_WINDOW} lines per
 * 10 s window, so a client flooding garbage cannot turn the server's log into the bottleneck; the number
 * suppressed is reported when the next window opens. Any thread.
 */
final class ThrottledLog {
    static final int PER_WINDOW = 20;
    private static final long WINDOW_NANOS = 10_000_000_000L;

    private final Logger log;
    private long windowStart = System.nanoTime();
    private int used;
    private int suppressed;

    ThrottledLog(Logger log) {
        this.log = log;
    }

    void warn(String format, Object... args) {
        log(true, format, args);
    }

    void info(String format, Object... args) {
        log(false, format, args);
    }

    private void log(boolean warn, String format, Object... args) {
        int dropped = -1;
        boolean emit;
        synchronized (this) {
            long now = System.nanoTime();
            if (now - windowStart > WINDOW_NANOS) {
                windowStart = now;
                used = 0;
                if (suppressed > 0) {
                    dropped = suppressed;
                    suppressed = 0;
                }
            }
            emit = used < PER_WINDOW;
            if (emit) {
                used++;
            } else {
                suppressed++;
            }
        }
        if (dropped > 0) {
            log.warn("{} more client connection messages suppressed in the last 10 s", dropped);
        }
        if (emit && warn) {
            log.warn(format, args);
        } else if (emit) {
            log.info(format, args);
        } else if (log.isDebugEnabled()) {
            log.debug(format, args);
        }
    }

    @Override
    public String toString() {
        return "ThrottledLog{" + log.getName() + " suppressed=" + suppressed + "}";
    }
}
