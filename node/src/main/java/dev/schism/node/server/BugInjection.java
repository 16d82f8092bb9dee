package dev.schism.node.server;

import dev.schism.node.core.Peer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Enables a seeded protocol bug in the core ({@code Peer.injectBug(String)}), for measuring the harness's
 * detection power. Looked up reflectively so the shell also builds against a core without the catalogue.
 */
final class BugInjection {
    private BugInjection() {
    }

    static void apply(Peer peer, String name) {
        Method m;
        try {
            m = Peer.class.getMethod("injectBug", String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("this build's core has no injectable bugs (asked for " + name + ")");
        }
        try {
            m.invoke(peer, name);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException re ? re : new IllegalArgumentException(c);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
