package com.whatsappflux.intent;

import java.text.Normalizer;
import java.util.Map;

/**
 * Turns a raw WhatsApp message into the canonical form the model and the rules read:
 * NFC, lower case, letters and digits only (punctuation becomes a space), runs of three or more
 * identical letters squeezed to one ("pleeease" → "please"), the usual text-speak spelled out
 * ("pls" → "please", "h" → "hai"), and every emoji replaced by the token {@code emj}, because
 * "🙏" or "👍" alone is a strong sign of an acknowledgement.
 *
 * <p>Written as one pass over the code points without regular expressions: it runs on every
 * classification.
 */
public final class TextNormalizer {

    static final String EMOJI_TOKEN = "emj";

    private static final Map<String, String> SPELLINGS = Map.ofEntries(
            Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("plzz", "please"),
            Map.entry("plss", "please"), Map.entry("pleas", "please"), Map.entry("plese", "please"),
            Map.entry("kia", "kya"), Map.entry("kyaa", "kya"), Map.entry("h", "hai"), Map.entry("hain", "hai"),
            Map.entry("he", "hai"), Map.entry("nhi", "nahi"), Map.entry("nai", "nahi"), Map.entry("nahin", "nahi"),
            Map.entry("msg", "message"), Map.entry("msgs", "message"), Map.entry("messages", "message"),
            Map.entry("u", "you"), Map.entry("ur", "your"), Map.entry("thnx", "thanks"), Map.entry("thx", "thanks"),
            Map.entry("thanku", "thanks"), Map.entry("tq", "thanks"), Map.entry("kro", "karo"), Map.entry("krdo", "kar do"),
            Map.entry("pymnt", "payment"), Map.entry("pmt", "payment"), Map.entry("oder", "order"), Map.entry("wat", "what"),
            Map.entry("wht", "what"), Map.entry("hw", "how"), Map.entry("abt", "about"), Map.entry("bej", "bhej"),
            Map.entry("bhejo", "bhejo"), Map.entry("appt", "appointment"), Map.entry("apointment", "appointment"),
            Map.entry("rs", "rs"), Map.entry("thik", "theek"), Map.entry("tik", "theek"), Map.entry("ji", "ji"),
            Map.entry("okk", "ok"), Map.entry("okay", "ok"), Map.entry("k", "ok"), Map.entry("kk", "ok"),
            Map.entry("pl", "please"), Map.entry("yr", "yaar"), Map.entry("bhai", "bhai"), Map.entry("bro", "bhai"));

    private TextNormalizer() {
    }

    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String text = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length() + 8);
        StringBuilder word = new StringBuilder(24);
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0x200C || cp == 0x200D) {
                continue; // joiners only change the glyph shape; people type the same word with and without them
            }
            if (isWordChar(cp)) {
                int lower = Character.toLowerCase(cp);
                int len = word.length();
                // squeeze: drop a letter that would make a third identical one in a row
                if (len >= 2 && Character.isLetter(lower) && word.charAt(len - 1) == lower && word.charAt(len - 2) == lower
                        && lower < 0x10000) {
                    continue;
                }
                word.appendCodePoint(lower);
            } else {
                flush(word, out);
                if (isEmoji(cp)) {
                    appendToken(out, EMOJI_TOKEN);
                }
            }
        }
        flush(word, out);
        return out.toString();
    }

    private static void flush(StringBuilder word, StringBuilder out) {
        if (word.length() == 0) {
            return;
        }
        String w = squeezeDoubledTail(word);
        String spelled = SPELLINGS.get(w);
        appendToken(out, spelled != null ? spelled : w);
        word.setLength(0);
    }

    /** "pleeease" already became "pleease" by the run rule; collapse the remaining double when it is a known spelling. */
    private static String squeezeDoubledTail(StringBuilder word) {
        String w = word.toString();
        if (SPELLINGS.containsKey(w)) {
            return w;
        }
        for (int k = 1; k < w.length(); k++) {
            if (w.charAt(k) == w.charAt(k - 1) && Character.isLetter(w.charAt(k))) {
                String single = w.substring(0, k) + w.substring(k + 1);
                if (SPELLINGS.containsKey(single) || COMMON.contains(single)) {
                    return single;
                }
            }
        }
        return w;
    }

    private static final java.util.Set<String> COMMON = java.util.Set.of(
            "please", "hello", "hi", "ok", "yes", "no", "thanks", "stop", "sir", "bhai", "order", "payment", "karo");

    private static void appendToken(StringBuilder out, String token) {
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(token);
    }

    static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp)
                || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x1F000 && cp <= 0x1F2FF);
    }
}
