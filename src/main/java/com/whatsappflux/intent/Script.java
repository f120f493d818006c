package com.whatsappflux.intent;

/** Writing systems of the supported languages; the Indic ones map one-to-one to a language except Devanagari (hi/mr). */
public enum Script {
    LATIN, DEVANAGARI, BENGALI, GURMUKHI, GUJARATI, TAMIL, TELUGU, KANNADA, MALAYALAM, OTHER;

    static Script of(int codePoint) {
        if (codePoint < 0x0250) {
            return Character.isLetter(codePoint) ? LATIN : OTHER;
        }
        if (codePoint >= 0x0900 && codePoint <= 0x097F) {
            return DEVANAGARI;
        }
        if (codePoint >= 0x0980 && codePoint <= 0x09FF) {
            return BENGALI;
        }
        if (codePoint >= 0x0A00 && codePoint <= 0x0A7F) {
            return GURMUKHI;
        }
        if (codePoint >= 0x0A80 && codePoint <= 0x0AFF) {
            return GUJARATI;
        }
        if (codePoint >= 0x0B80 && codePoint <= 0x0BFF) {
            return TAMIL;
        }
        if (codePoint >= 0x0C00 && codePoint <= 0x0C7F) {
            return TELUGU;
        }
        if (codePoint >= 0x0C80 && codePoint <= 0x0CFF) {
            return KANNADA;
        }
        if (codePoint >= 0x0D00 && codePoint <= 0x0D7F) {
            return MALAYALAM;
        }
        return OTHER;
    }

    /**
     * The script of a message: any Indic script wins over Latin, because Indians mix English words
     * ("order", "payment") into native-script sentences far more often than the other way round.
     */
    static Script dominant(String text) {
        int[] counts = new int[values().length];
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            counts[of(cp).ordinal()]++;
        }
        Script best = null;
        for (Script s : values()) {
            if (s != LATIN && s != OTHER && counts[s.ordinal()] > 0 && (best == null || counts[s.ordinal()] > counts[best.ordinal()])) {
                best = s;
            }
        }
        if (best != null) {
            return best;
        }
        return counts[LATIN.ordinal()] > 0 ? LATIN : OTHER;
    }

    /** The language a non-Latin, non-Devanagari script implies, or null when a model has to decide. */
    String impliedLanguage() {
        return switch (this) {
            case BENGALI -> "bn";
            case GURMUKHI -> "pa";
            case GUJARATI -> "gu";
            case TAMIL -> "ta";
            case TELUGU -> "te";
            case KANNADA -> "kn";
            case MALAYALAM -> "ml";
            default -> null;
        };
    }
}
