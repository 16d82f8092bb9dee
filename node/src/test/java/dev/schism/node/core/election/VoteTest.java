package dev.schism.node.core.election;

import dev.schism.node.core.Zxid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoteTest {
    @Test
    void epochThenZxidThenSid() {
        Vote base = new Vote(2, Zxid.make(3, 10), 3);
        assertTrue(new Vote(1, Zxid.make(1, 1), 4).beats(base), "higher epoch wins despite lower zxid and sid");
        assertTrue(new Vote(1, Zxid.make(3, 11), 3).beats(base), "same epoch: higher zxid wins despite lower sid");
        assertTrue(new Vote(3, Zxid.make(3, 10), 3).beats(base), "same epoch and zxid: higher sid wins");
        assertFalse(new Vote(3, Zxid.make(3, 9), 3).beats(base), "higher sid does not beat a higher zxid");
        assertFalse(new Vote(9, Zxid.make(9, 9), 2).beats(base),
                "sid and zxid never beat a higher epoch (ZOOKEEPER-1419)");
        assertFalse(base.beats(base), "strict");
        assertTrue(base.beats(Vote.NONE), "an observer's vote loses to any real vote");
    }

    @Test
    void orderIsTotalAndTransitive() {
        List<Vote> votes = new ArrayList<>();
        for (long sid = 1; sid <= 3; sid++) {
            for (long epoch = 0; epoch <= 2; epoch++) {
                for (long counter = 0; counter <= 2; counter++) {
                    votes.add(new Vote(sid, Zxid.make((epoch + counter) % 3, counter), epoch));
                }
            }
        }
        for (Vote a : votes) {
            for (Vote b : votes) {
                if (a.equals(b)) {
                    assertFalse(a.beats(b));
                } else {
                    assertTrue(a.beats(b) ^ b.beats(a), a + " vs " + b);
                }
                for (Vote c : votes) {
                    if (a.beats(b) && b.beats(c)) {
                        assertTrue(a.beats(c), a + " > " + b + " > " + c);
                    }
                }
            }
        }
        assertEquals(27, votes.size());
    }
}
