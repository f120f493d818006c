package com.whatsappflux.support;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Files a support message under one topic (order_status, timings, reschedule, availability, faq, refund,
 * complaint, acknowledgement, other) from multilingual phrases (English, Hinglish, Hindi, Tamil) and the
 * intake's entities (an order number means an order question). Which topic gets which handling is decided
 * in the DMN table {@code support-topic-route}, not here.
 */
@Component
public class SupportTopicClassifier {

    public static final String OTHER = "other";

    /** Checked in this order on a tie: the topics that need a person first. */
    private static final Map<String, List<List<String>>> TOPICS = new LinkedHashMap<>();

    static {
        topic("complaint",
                "complaint", "not working", "stopped working", "doesnt work", "does not work", "damaged", "broken", "defective",
                "faulty", "leaking", "scratch", "dent", "wrong product", "wrong item", "missing", "rude", "poor service",
                "kharab", "kharaab", "toot", "toota", "tuta", "tuta hua", "kaam nahi kar", "chal nahi", "chalu nahi",
                "band ho gaya", "awaaz nahi", "shikayat", "galat product",
                "खराब", "टूटा", "टूटी", "काम नहीं", "चल नहीं", "शिकायत", "गलत",
                "வேலை செய்யவில்லை", "பழுது", "உடைந்து", "புகார்");
        topic("refund",
                "refund", "money back", "return it", "return this", "want to return", "return the", "replace", "replacement",
                "exchange it", "exchange this", "cancel my order", "cancel order",
                "paisa wapas", "paise wapas", "paisa vapas", "paise vapas", "wapas karna", "vapas karna", "wapas lo",
                "refund chahiye", "badal do", "badalna hai", "cancel karna",
                "रिफंड", "पैसे वापस", "पैसा वापस", "वापस करना", "बदलना", "बदल दो",
                "பணம் திரும்ப", "திருப்பி அனுப்ப", "ரீஃபண்ட்", "மாற்றி தர");
        topic("reschedule",
                "reschedule", "change appointment", "change my appointment", "change the time", "change the date",
                "change installation", "postpone", "another day", "different time", "prepone", "cancel appointment",
                "time change", "date change", "din badal", "time badal", "kal aa", "dusre din", "appointment",
                "समय बदल", "तारीख बदल", "दिन बदल", "समय बदलना", "तारीख बदलना", "टाइम बदलना", "अपॉइंटमेंट",
                "நேரத்தை மாற்ற", "தேதியை மாற்ற", "அப்பாயின்ட்மென்ட்");
        topic("order_status",
                "where is my order", "order status", "my order", "track", "tracking", "delivered yet", "not delivered",
                "not received", "not yet received", "when will i get", "when will it arrive", "when will it come",
                "dispatched", "shipped", "delivery status", "order kahan", "order kab", "kab aayega", "kab aaega",
                "kab milega", "kab tak", "abhi tak nahi", "nahi aaya", "nahi mila", "mera order", "delivery kab",
                "मेरा ऑर्डर", "ऑर्डर कहाँ", "ऑर्डर कहां", "कब आएगा", "कब मिलेगा", "अभी तक नहीं", "नहीं आया", "नहीं मिला",
                "ஆர்டர் எங்கே", "என் ஆர்டர்", "எப்போது வரும்", "இன்னும் வரவில்லை", "டெலிவரி எப்போது");
        topic("timings",
                "timing", "timings", "opening hours", "open today", "open on", "are you open", "what time", "closing time",
                "close today", "sunday", "holiday", "address", "location", "where is your shop", "where is the shop",
                "how to reach", "map", "directions", "phone number", "contact number", "store", "showroom",
                "kab khulta", "kab khulega", "khula hai", "khule ho", "band hai", "dukan kahan", "shop kahan", "pata kya",
                "samay", "कब खुलता", "कब खुलेगा", "खुला है", "बंद", "समय", "पता", "दुकान कहाँ", "दुकान कहां", "रविवार", "छुट्टी",
                "நேரம்", "திறந்து", "முகவரி", "கடை எங்கே", "ஞாயிறு", "விடுமுறை");
        topic("availability",
                "in stock", "available", "availability", "out of stock", "stock", "do you have", "have you got", "price of",
                "price", "cost of", "rate of", "how much is", "how much for", "variants", "colours", "colors", "sizes",
                "milega", "milegi", "hai kya", "kitne ka", "kitne ki", "kitne mein", "kya rate", "rate kya", "daam",
                "उपलब्ध", "स्टॉक", "कीमत", "दाम", "कितने का", "कितने की", "मिलेगा", "मिलेगी", "है क्या",
                "கிடைக்குமா", "ஸ்டாக்", "விலை", "எவ்வளவு");
        topic("faq",
                "warranty", "guarantee", "emi", "installment", "instalment", "no cost", "installation", "install",
                "delivery charge", "delivery charges", "shipping", "free delivery", "exchange offer", "old",
                "return policy", "refund policy", "payment options", "cod", "cash on delivery", "credit card", "upi",
                "how to", "how do i", "demo", "service center", "policy",
                "kaise", "kya hai", "kisht", "purana", "lagwana", "fitting", "delivery ka", "kitna lagega",
                "वारंटी", "गारंटी", "किस्त", "ईएमआई", "इंस्टॉलेशन", "डिलीवरी", "पुराना", "कैसे", "नीति",
                "வாரண்டி", "தவணை", "இன்ஸ்டாலேஷன்", "டெலிவரி", "எப்படி", "பழைய");
        topic("acknowledgement",
                "thanks", "thank you", "ok", "solved", "got it", "resolved", "great", "perfect", "done",
                "ho gaya", "mil gaya", "dhanyavad", "dhanyawad", "shukriya", "theek hai", "samajh gaya",
                "धन्यवाद", "शुक्रिया", "ठीक है", "हो गया", "मिल गया",
                "நன்றி", "சரி", "கிடைத்தது");
    }

    private static final List<List<String>> PERSON = SentimentDetector.phrases(
            "talk to a person", "talk to person", "talk to someone", "speak to someone", "speak to a person", "real person",
            "human", "agent", "customer care", "customer service", "call me", "manager", "executive", "representative",
            "kisi se baat", "insaan se", "banda", "call karo", "phone karo", "baat karni hai", "baat karao",
            "किसी से बात", "बात करनी", "बात कराओ", "फोन करो", "कॉल करो", "इंसान",
            "யாரிடமாவது பேச", "அழைக்கவும்", "பேச வேண்டும்");

    /** Question cues: "what is your return policy?" asks about the policy rather than for a refund. */
    private static final List<List<String>> POLICY_QUESTION = SentimentDetector.phrases(
            "policy", "can i", "is it possible", "how many days", "within how many", "kitne din", "kya niyam", "niyam",
            "नियम", "नीति", "कितने दिन", "கொள்கை", "எத்தனை நாள்");

    private final SentimentDetector sentiment;

    public SupportTopicClassifier(SentimentDetector sentiment) {
        this.sentiment = sentiment;
    }

    public TopicGuess classify(String text, Map<String, Object> entities) {
        List<String> tokens = SupportText.tokens(text);
        Map<String, Double> scores = new LinkedHashMap<>();
        TOPICS.forEach((topic, phrases) -> {
            double score = 0;
            for (List<String> phrase : phrases) {
                if (SupportText.containsPhrase(tokens, phrase)) {
                    score += phrase.size() > 1 ? 1.5 : 1.0; // a phrase says more than a word
                }
            }
            scores.put(topic, score);
        });
        if (hasOrderNumber(entities) || mentionsOrderNumber(tokens)) {
            scores.merge("order_status", 1.5, Double::sum);
        }
        boolean refundPolicyQuestion = scores.get("refund") > 0 && scores.get("complaint") == 0
                && POLICY_QUESTION.stream().anyMatch(p -> SupportText.containsPhrase(tokens, p));
        if (refundPolicyQuestion) {
            scores.merge("faq", scores.get("refund") + 0.5, Double::sum);
            scores.put("refund", 0.0);
        }
        if (scores.get("acknowledgement") > 0 && scores.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals("acknowledgement") && e.getValue() > 0)) {
            scores.put("acknowledgement", 0.0); // "ok but where is my order" is not a thank-you
        }
        String best = OTHER;
        double top = 0;
        double second = 0;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            if (e.getValue() > top) {
                second = top;
                top = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        boolean wantsPerson = PERSON.stream().anyMatch(p -> SupportText.containsPhrase(tokens, p));
        boolean negative = sentiment.isNegative(text);
        return new TopicGuess(best, confidence(top, second), negative, wantsPerson);
    }

    /** 0.2 with no signal; rises with the winning score and with its lead over the runner-up. */
    static double confidence(double top, double second) {
        if (top == 0) {
            return 0.2;
        }
        double lead = (top - second) / top;
        return Math.min(0.97, Math.round((0.45 + 0.12 * Math.min(top, 3) + 0.15 * lead) * 100) / 100.0);
    }

    private static boolean hasOrderNumber(Map<String, Object> entities) {
        Object numbers = entities == null ? null : entities.get("orderNumbers");
        return numbers instanceof Collection<?> c ? !c.isEmpty() : numbers != null && !numbers.toString().isBlank();
    }

    /** "order 4521", "order no 4521", "#4521" (the hash is gone after normalising, "order" is not). */
    private static boolean mentionsOrderNumber(List<String> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            boolean orderWord = tokens.get(i).equals("order") || tokens.get(i).equals("ऑर्डर") || tokens.get(i).equals("ஆர்டர்");
            String next = tokens.get(i + 1).equals("no") || tokens.get(i + 1).equals("number") || tokens.get(i + 1).equals("id")
                    ? (i + 2 < tokens.size() ? tokens.get(i + 2) : "") : tokens.get(i + 1);
            if (orderWord && next.matches("[a-z]{0,4}\\d{3,}")) {
                return true;
            }
        }
        return false;
    }

    private static void topic(String name, String... phrases) {
        TOPICS.put(name, SentimentDetector.phrases(phrases));
    }
}
