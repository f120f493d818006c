package com.whatsappflux.intent;

/**
 * Hashes a normalised message into sparse feature indices ("the hashing trick"), so the model is a
 * flat float array with no vocabulary to store: character 1–4-grams inside word boundaries (robust to
 * misspellings and to inflected Indic words), word unigrams and bigrams, a digit-shape token per number
 * (a 12-digit UPI reference and a 6-digit pincode look different) and a message-length bucket (very short
 * messages are mostly acknowledgements).
 *
 * <p>Allocation-free apart from the caller's buffer: this is the hot path.
 */
final class FeatureHasher {

    static final int MAX_FEATURES = 2048;
    private static final int BOUNDARY = 0x2;
    private static final int MAX_WORD_FOR_NGRAMS = 24;

    private final int mask;

    FeatureHasher(int bits) {
        this.mask = (1 << bits) - 1;
    }

    int dimension() {
        return mask + 1;
    }

    /** Writes feature indices into {@code out} and returns how many were written (duplicates count twice). */
    int hash(String normalized, int[] out) {
        int n = 0;
        int words = 0;
        int prevWord = 0x9E3779B9;
        int len = normalized.length();
        int start = 0;
        while (start < len && n < out.length - 64) {
            int end = normalized.indexOf(' ', start);
            if (end < 0) {
                end = len;
            }
            if (end > start) {
                words++;
                int wordHash = wordHash(normalized, start, end);
                out[n++] = index(mix(wordHash, 1));
                out[n++] = index(mix(prevWord * 31 + wordHash, 2));
                prevWord = wordHash;
                if (isDigits(normalized, start, end)) {
                    out[n++] = index(mix(Math.min(end - start, 23), 3));
                } else {
                    n = charNgrams(normalized, start, Math.min(end, start + MAX_WORD_FOR_NGRAMS), out, n);
                }
            }
            start = end + 1;
        }
        out[n++] = index(mix(prevWord * 31 + 0x5bd1e995, 2)); // last word followed by end-of-message
        out[n++] = index(mix(Math.min(words, 7), 4));
        return n;
    }

    private int charNgrams(String s, int start, int end, int[] out, int n) {
        int padded = end - start + 2;
        for (int i = 0; i < padded; i++) {
            int h = 0x811C9DC5;
            for (int k = 0; k < 4 && i + k < padded; k++) {
                int pos = i + k;
                int c = (pos == 0 || pos == padded - 1) ? BOUNDARY : s.charAt(start + pos - 1);
                h = (h ^ c) * 0x01000193;
                if (k == 0 && c == BOUNDARY) {
                    continue; // a lone boundary marker says nothing
                }
                out[n++] = index(mix(h, 10 + k));
            }
        }
        return n;
    }

    private static int wordHash(String s, int start, int end) {
        int h = 0x811C9DC5;
        for (int i = start; i < end; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return h;
    }

    private static boolean isDigits(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int mix(int h, int salt) {
        h ^= salt * 0x27d4eb2d;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private int index(int h) {
        return h & mask;
    }
}
