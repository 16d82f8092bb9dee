package dev.schism.harness.checker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The kv model's O(1)-append values equal exactly the strings they stand for, however they were built. */
class KvValueTest {

    private static KvValue append(KvValue v, String piece) {
        return v.append(piece, KvValue.hashOf(piece), KvValue.scaleOf(piece));
    }

    @Test
    void differentChainsOfTheSameStringAreEqualWithEqualHashes() {
        KvValue a = append(append(append(KvValue.EMPTY, "ab"), "c"), "de");
        KvValue b = append(append(KvValue.of("a"), "bcd"), "e");
        KvValue c = KvValue.of("abcde");
        assertEquals(c.hash, a.hash);
        assertEquals(c.hash, b.hash);
        assertTrue(a.sameAs(b) && b.sameAs(a) && a.sameAs(c) && c.sameAs(b));
        assertEquals("abcde", a.text());
        assertTrue(a.sameAs("abcde", KvValue.hashOf("abcde")));
        assertTrue(b.sameAs("abcde", KvValue.hashOf("abcde")));
    }

    @Test
    void differentStringsDiffer() {
        KvValue a = append(KvValue.of("x 1 0 y"), "x 2 0 y");
        KvValue b = append(KvValue.of("x 2 0 y"), "x 1 0 y");
        assertFalse(a.sameAs(b));
        assertFalse(a.sameAs("x 2 0 yx 1 0 y", KvValue.hashOf("x 2 0 yx 1 0 y")));
        // Equal hash and length but different text (forced): the exact comparison still says no.
        assertFalse(a.sameAs("x 1 0 yx 2 0 z", a.hash));
        assertTrue(KvValue.EMPTY.sameAs("", 0));
        assertTrue(append(KvValue.EMPTY, "").sameAs(KvValue.EMPTY));
    }

    @Test
    void randomSplitsAgreeWithStringEquality() {
        java.util.Random random = new java.util.Random(42);
        for (int trial = 0; trial < 2000; trial++) {
            String a = randomText(random);
            String b = random.nextInt(3) == 0 ? a : randomText(random);
            KvValue va = split(a, random);
            KvValue vb = split(b, random);
            assertEquals(a.equals(b), va.sameAs(vb), a + " vs " + b);
            assertEquals(a.equals(b), vb.sameAs(va), b + " vs " + a);
            assertEquals(KvValue.hashOf(a), va.hash);
            assertEquals(a, va.text());
            assertTrue(va.sameAs(a, KvValue.hashOf(a)));
        }
    }

    private static String randomText(java.util.Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + random.nextInt(2)));
        }
        return b.toString();
    }

    /** The string as a chain of appends at random cut points, sometimes starting from a put. */
    private static KvValue split(String s, java.util.Random random) {
        int cut = random.nextInt(s.length() + 1);
        KvValue v = KvValue.of(s.substring(0, cut));
        while (cut < s.length()) {
            int next = cut + 1 + random.nextInt(s.length() - cut);
            v = append(v, s.substring(cut, next));
            cut = next;
        }
        return v;
    }

    @Test
    void kvModelStepsUseTheValues() {
        KvModel m = new KvModel();
        Object put = KvModel.Input.of(KvModel.PUT, "k", "ab");
        Object app = KvModel.Input.of(KvModel.APPEND, "k", "c");
        Object get = KvModel.Input.of(KvModel.GET, "k", null);
        KvValue s = m.step(m.step(m.init(), put, "ok"), app, "ok");
        assertTrue(m.step(s, get, new KvModel.Text("abc", KvValue.hashOf("abc"))) == s);
        assertEquals(null, m.step(s, get, new KvModel.Text("ab", KvValue.hashOf("ab"))));
        assertEquals("'abc'", m.describeState(s));
    }
}
