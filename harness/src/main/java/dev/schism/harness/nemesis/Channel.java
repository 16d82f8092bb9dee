package dev.schism.harness.nemesis;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The separate TCP channels between two ensemble members. A partition may cut all of them or only one:
 * ZooKeeper-style servers elect over one port and replicate over another, and an outage that blocks only
 * one of them (a firewall rule, a half-dead proxy) is a fault of its own.
 */
public enum Channel {
    /** Leader-learner traffic: discovery, sync, proposals, acks, pings. */
    QUORUM,
    /** Leader-election notifications. */
    ELECTION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code "all"}, {@code "quorum"} or {@code "election"}; anything else is an error naming the choices. */
    public static Set<Channel> parse(String s) {
        String w = s.toLowerCase(Locale.ROOT);
        if (w.equals("all")) {
            return EnumSet.allOf(Channel.class);
        }
        for (Channel c : values()) {
            if (c.wire().equals(w)) {
                return EnumSet.of(c);
            }
        }
        throw new IllegalArgumentException("unknown link channel '" + s + "' (expected all or one of "
                + Arrays.stream(values()).map(Channel::wire).toList() + ")");
    }

    /** The inverse of {@link #parse}: {@code "all"} when every channel is in the set. */
    public static String wire(Set<Channel> cs) {
        if (cs.containsAll(EnumSet.allOf(Channel.class))) {
            return "all";
        }
        return String.join("+", cs.stream().map(Channel::wire).toList());
    }
}
