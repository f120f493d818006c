package com.whatsappflux.intent;

import java.util.List;
import java.util.Set;

/**
 * High-precision opt-out phrases in every supported language, matched on the normalised text
 * (see {@link TextNormalizer}: "msg" is already "message", "don't" is "don t").
 *
 * <p>An opt-out has legal weight (the number must stop receiving broadcasts), so a false positive
 * loses a customer: the phrases name the messages themselves ("message mat bhejo", "remove my number"),
 * and known innocent uses of "stop" ("bus stop", "non-stop", "don't stop the service",
 * "stop sending me wrong items") veto the decision even when the model leans to opt-out.
 */
final class OptOutRule {

    /** Messages that are nothing but a stop word. */
    private static final Set<String> WHOLE_MESSAGE = Set.of(
            "stop", "stop it", "please stop", "stop please", "stop karo", "stop kar do", "band karo", "band kar do",
            "bas karo", "unsubscribe", "opt out", "optout", "stop pannunga", "बंद करो", "बंद करें", "बंद कीजिए",
            "stop all", "cancel subscription", "no more message", "stop message", "stop karo ye sab");

    private static final List<String> PHRASES = List.of(
            // English
            "unsubscribe", " opt out ", " optout ", "stop sending me these", "stop sending message", "stop sending ads",
            "stop sending offer", "stop sending promotional", "stop sending me message", "stop sending these",
            "stop messaging", "stop spamming", "stop these message", "stop this message", "stop all message",
            "stop all updates", "stop your message", "stop whatsapp message", "stop the message",
            "don t message me", "dont message me", "do not message me", "don t send me any", "dont send me any",
            "do not send me any", "do not send any", "don t send any", "don t send me anything", "dont send me anything",
            "remove my number", "remove me from", "take me off", "delete my number", "no more message", "no more offers",
            "no more promotional", "don t want these message", "dont want these message", "do not want these message",
            "do not want to receive", "don t want any more", "dont want any more", "block my number from",
            "do not contact me", "don t contact me", "stop contacting me", "not interested stop",
            "kindly stop whatsapp", "please stop these",
            // Hinglish
            "message mat bhej", "message mat kar", "mat bhejo message", "mat bhejna message", "message band kar",
            "message bhejna band", "bhejna band kar", "spam band", "list se hata", "list se nikal", "number hata do",
            "number delete kar", "list se remove", "group se remove", "group se nikal", "broadcast se hata",
            "broadcast list se", "koi message nahi chahiye", "message nahi chahiye", "kuch mat bhejna", "kuch mat bhejo",
            "offer wale message mat", "offers wale message mat", "stop karo", "stop kar do", "unsubscribe kar",
            "ye sab bhejna band", "message bhej ke pareshan", "bas karo ye message", "ab koi message mat",
            "mujhe message mat", "roz roz message mat", "please mat bhejo message",
            // Hindi
            "मैसेज मत", "मेसेज मत", "संदेश न भेज", "संदेश मत भेज", "मैसेज भेजना बंद", "मैसेज बंद", "नंबर हटा",
            "मैसेज नहीं चाहिए", "विज्ञापन बंद", "विज्ञापन वाले मैसेज", "ग्रुप से निकाल", "लिस्ट से हटा", "message मत",
            "ऑफर वाले मैसेज बंद",
            // Marathi
            "मेसेज पाठवू नका", "मेसेज बंद", "पाठवणे बंद", "नंबर काढ", "यादीतून", "मेसेज नको", "पाठवणे थांबवा",
            // Tamil and Tanglish
            "மெசேஜ் அனுப்ப வேண்டாம்", "அனுப்பாதீங்க", "அனுப்பாதீர்கள்", "மெசேஜ் நிறுத்த", "நம்பரை நீக்க", "மெசேஜ் வேண்டாம்",
            "அனுப்புவதை நிறுத்த", "லிஸ்ட்ல இருந்து", "anupa vendam", "anupadheenga", "anupatheenga", "message vendam",
            "number ah remove", "list la irundhu", "list la irunthu",
            // Telugu
            "మెసేజ్ పంపవద్దు", "పంపడం ఆపండి", "మెసేజ్ లు ఆపండి", "మెసేజ్లు ఆపండి", "నంబర్ తొలగించ", "నంబర్ తీసేయ", "మెసేజ్ లు వద్దు",
            "మెసేజ్లు వద్దు", "లిస్ట్ నుండి",
            // Bengali
            "মেসেজ পাঠাবেন না", "পাঠানো বন্ধ", "মেসেজ বন্ধ", "নম্বর সরিয়ে", "মেসেজ চাই না", "লিস্ট থেকে",
            // Kannada
            "ಕಳುಹಿಸಬೇಡಿ", "ಕಳಿಸಬೇಡಿ", "ಮೆಸೇಜ್ ನಿಲ್ಲಿಸಿ", "ನಂಬರ್ ತೆಗೆ", "ಮೆಸೇಜ್ ಬೇಡ", "ಲಿಸ್ಟ್ ಇಂದ", "ಲಿಸ್ಟ್ ನಿಂದ",
            // Gujarati
            "મેસેજ ના મોકલ", "મોકલવાનું બંધ", "મેસેજ બંધ", "નંબર કાઢી", "મેસેજ નથી જોઈ", "લિસ્ટમાંથી",
            // Malayalam
            "മെസേജ് അയക്കരുത്", "അയക്കേണ്ട", "മെസേജ് നിർത്ത", "നമ്പർ നീക്ക", "മെസേജ് വേണ്ട", "ലിസ്റ്റിൽ നിന്ന്",
            // Punjabi
            "ਮੈਸੇਜ ਨਾ ਭੇਜ", "ਭੇਜਣੇ ਬੰਦ", "ਮੈਸੇਜ ਬੰਦ", "ਨੰਬਰ ਹਟਾ", "ਮੈਸੇਜ ਨਹੀਂ ਚਾਹੀਦਾ", "ਲਿਸਟ ਵਿੱਚੋਂ");

    private static final List<String> VETOES = List.of(
            "non stop", "nonstop", "bus stop", "don t stop", "dont stop", "do not stop", "never stop", "stop sending me wrong",
            "stop sending wrong", "band mat", "mat band", "stopped working", "stops working", "full stop", "one stop",
            "stop by", "mat rokna", "बंद मत", "service band ho", "wrong item", "galat saman");

    private OptOutRule() {
    }

    /** Phrases grouped by the script of their first letter, so a Tamil message is not searched for Gujarati phrases. */
    private static final java.util.Map<Script, List<String>> PHRASES_BY_SCRIPT = PHRASES.stream().collect(
            java.util.stream.Collectors.groupingBy(p -> Script.of(p.strip().codePointAt(0))));

    static boolean matches(String normalized, Script script) {
        if (normalized.length() <= 40 && WHOLE_MESSAGE.contains(stripPoliteness(normalized))) {
            return true;
        }
        String padded = " " + normalized + " ";
        return containsAny(padded, PHRASES_BY_SCRIPT.get(Script.LATIN))
                || (script != Script.LATIN && containsAny(padded, PHRASES_BY_SCRIPT.get(script)));
    }

    private static boolean containsAny(String padded, List<String> phrases) {
        if (phrases == null) {
            return false;
        }
        for (String phrase : phrases) {
            if (padded.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    static boolean vetoed(String normalized) {
        String padded = " " + normalized + " ";
        for (String veto : VETOES) {
            if (padded.contains(veto)) {
                return true;
            }
        }
        return false;
    }

    /** "stop sir 🙏" is still just "stop". */
    private static String stripPoliteness(String normalized) {
        StringBuilder kept = new StringBuilder(normalized.length());
        for (String token : normalized.split(" ")) {
            if (!POLITE.contains(token)) {
                if (kept.length() > 0) {
                    kept.append(' ');
                }
                kept.append(token);
            }
        }
        return kept.toString();
    }

    private static final Set<String> POLITE = Set.of(
            "sir", "ji", "madam", "bhai", "yaar", "please", "emj", "ab", "now", "bhaiya", "dear", "hi", "hello", "pls");
}
