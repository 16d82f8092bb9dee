package dev.schism.harness.gen;

/** Which threads a sub-generator sees, for combinators that route threads to generators. */
sealed interface View {
    Context apply(Context ctx);

    boolean owns(int thread);

    /** Every thread. */
    record All() implements View {
        public Context apply(Context ctx) {
            return ctx;
        }

        public boolean owns(int thread) {
            return true;
        }

        @Override
        public String toString() {
            return "all";
        }
    }

    /** Client threads only. */
    record Clients() implements View {
        public Context apply(Context ctx) {
            return ctx.clientsOnly();
        }

        public boolean owns(int thread) {
            return thread != Context.NEMESIS;
        }

        @Override
        public String toString() {
            return "clients";
        }
    }

    /** The nemesis thread only. */
    record Nemesis() implements View {
        public Context apply(Context ctx) {
            return ctx.nemesisOnly();
        }

        public boolean owns(int thread) {
            return thread == Context.NEMESIS;
        }

        @Override
        public String toString() {
            return "nemesis";
        }
    }

    /** Client threads in [from, to). */
    record Range(int from, int to) implements View {
        public Context apply(Context ctx) {
            return ctx.clientRange(from, to);
        }

        public boolean owns(int thread) {
            return thread >= from && thread < to;
        }

        @Override
        public String toString() {
            return "threads[" + from + "," + to + ")";
        }
    }

    /** Client threads from {@code from} on. */
    record From(int from) implements View {
        public Context apply(Context ctx) {
            return ctx.clientRange(from, Integer.MAX_VALUE);
        }

        public boolean owns(int thread) {
            return thread >= from;
        }

        @Override
        public String toString() {
            return "threads[" + from + ",..)";
        }
    }
}
