package com.whatsappflux.broadcast;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keyword signals the intent classifier does not give: a price question ("price?", "kitne ka hai",
 * "rate kya hai", "कीमत") and a polite no ("not interested", "nahi chahiye"). The tag itself is decided
 * in the DMN table {@code broadcast-response-tag}, which weighs these against the classifier's intent.
 */
final class ResponseSignals {

    private static final Pattern PRICE = words("price", "prices", "pricing", "rate", "rates", "cost", "costs", "how much",
            "kitne", "kitna", "kitni", "daam", "keemat", "kimat", "mrp", "कीमत", "क़ीमत", "दाम", "रेट", "कितने", "कितना",
            "कितनी", "விலை", "எவ்வளவு", "ధర", "किंमत");
    private static final Pattern DECLINED = words("not interested", "no thanks", "no thank you", "not now", "no need",
            "nahi chahiye", "nahin chahiye", "nai chahiye", "interest nahi", "interested nahi", "नहीं चाहिए", "रुचि नहीं",
            "வேண்டாம்", "వద్దు");
    private static final Pattern STOP = words("stop", "unsubscribe", "band karo", "mat bhejo", "बंद करो", "मत भेजो");
    private static final Pattern INTERESTED = words("interested", "yes", "haan", "send details", "details", "i want",
            "book", "chahiye", "हाँ", "हां", "चाहिए", "ஆம்");

    private ResponseSignals() {
    }

    static boolean priceQuestion(String text) {
        return matches(PRICE, text);
    }

    static boolean declined(String text) {
        return matches(DECLINED, text);
    }

    static boolean stop(String text) {
        return matches(STOP, text);
    }

    static boolean interested(String text) {
        return matches(INTERESTED, text) && !declined(text);
    }

    private static boolean matches(Pattern pattern, String text) {
        return text != null && pattern.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** Whole words/phrases (Latin word boundaries; Indic scripts have no \b, so spaces/punctuation/ends). */
    private static Pattern words(String... phrases) {
        List<String> quoted = List.of(phrases).stream().map(Pattern::quote).toList();
        return Pattern.compile("(?<![\\p{L}\\p{M}])(" + String.join("|", quoted) + ")(?![\\p{L}\\p{M}])");
    }
}
