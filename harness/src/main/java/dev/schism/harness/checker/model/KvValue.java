package dev.schism.harness.checker.model;

/**
 * The value of one key in the kv model: an immutable string built by puts and appends, kept as a chain of
 * appended pieces with a polynomial hash maintained as pieces are added, so an append costs O(1) instead of
 * copying and re-hashing the whole string (append-heavy histories create hundreds of thousands of states).
 * Comparisons walk the pieces and never build the string, so a cached state costs one small object.
 * Used by one search thread only.
 */
final class KvValue {
    /** Multiplier of the polynomial hash (odd, so multiplication by it is a bijection mod 2^64). */
    static final long BASE = 0x100000001B3L;

    static final KvValue EMPTY = new KvValue(null, "", 0, 0);

    private final KvValue parent;
    private final String piece;
    final int length;
    final long hash;
    /** The whole string, for a value with no parent (then it is the piece). */
    private final String text;
    /** The last string this value was found equal to (by identity: a get's output is one object). */
    private String lastMatch;

    private KvValue(KvValue parent, String piece, int length, long hash) {
        this.parent = parent;
        this.piece = piece;
        this.length = length;
        this.hash = hash;
        this.text = parent == null ? piece : null;
    }

    static KvValue of(String s) {
        return s.isEmpty() ? EMPTY : new KvValue(null, s, s.length(), hashOf(s));
    }

    /** This value with {@code piece} appended; {@code pieceHash} and {@code pieceScale} from {@link #hashOf}/{@link #scaleOf}. */
    KvValue append(String piece, long pieceHash, long pieceScale) {
        if (piece.isEmpty()) {
            return this;
        }
        if (length == 0) {
            return new KvValue(null, piece, piece.length(), pieceHash);
        }
        return new KvValue(this, piece, length + piece.length(), hash * pieceScale + pieceHash);
    }

    static long hashOf(String s) {
        long h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = h * BASE + s.charAt(i);
        }
        return h;
    }

    /** BASE to the power of the string's length: what a hash is multiplied by when {@code s} is appended. */
    static long scaleOf(String s) {
        long r = 1;
        for (int i = 0; i < s.length(); i++) {
            r *= BASE;
        }
        return r;
    }

    /** Whether this value is the string {@code s} whose hash is {@code sHash}. */
    boolean sameAs(String s, long sHash) {
        if (s == lastMatch) {
            return true;
        }
        if (length == s.length() && hash == sHash && matches(s)) {
            lastMatch = s;
            return true;
        }
        return false;
    }

    /** Compares piece by piece from the end, without building this value's string. */
    private boolean matches(String s) {
        int end = length;
        for (KvValue v = this; v != null; v = v.parent) {
            if (v.text != null) {
                return s.regionMatches(0, v.text, 0, v.length);
            }
            end -= v.piece.length();
            if (!s.regionMatches(end, v.piece, 0, v.piece.length())) {
                return false;
            }
        }
        return true;
    }

    boolean sameAs(KvValue o) {
        if (this == o) {
            return true;
        }
        if (length != o.length || hash != o.hash) {
            return false;
        }
        if (parent == o.parent && piece.equals(o.piece)) {
            return true;
        }
        return sameChars(this, o);
    }

    /** Compares two values of equal length character by character from the end, piece by piece. */
    private static boolean sameChars(KvValue a, KvValue b) {
        String pa = a.text != null ? a.text : a.piece;
        String pb = b.text != null ? b.text : b.piece;
        int ia = pa.length();
        int ib = pb.length();
        int left = a.length;
        while (left > 0) {
            if (ia == 0) {
                a = a.parent;
                pa = a.text != null ? a.text : a.piece;
                ia = pa.length();
            }
            if (ib == 0) {
                b = b.parent;
                pb = b.text != null ? b.text : b.piece;
                ib = pb.length();
            }
            if (a == b && ia == pa.length() && ib == pb.length()) {
                return true;
            }
            int n = Math.min(Math.min(ia, ib), left);
            if (!pa.regionMatches(ia - n, pb, ib - n, n)) {
                return false;
            }
            ia -= n;
            ib -= n;
            left -= n;
        }
        return true;
    }

    /** The whole string, built afresh (for descriptions; the search never needs it). */
    String text() {
        if (text != null) {
            return text;
        }
        char[] out = new char[length];
        int end = length;
        for (KvValue v = this; v != null; v = v.parent) {
            if (v.text != null) {
                v.text.getChars(0, v.length, out, 0);
                break;
            }
            end -= v.piece.length();
            v.piece.getChars(0, v.piece.length(), out, end);
        }
        return new String(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KvValue v && sameAs(v);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash);
    }

    @Override
    public String toString() {
        return text();
    }
}
