package com.whatsappflux.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words and phrases customers use for the same idea, across English, Hinglish, Hindi and Tamil, mapped to
 * one concept ("delivery charge" ~ "shipping fee" ~ "delivery ka kitna lagega" ~ "डिलीवरी चार्ज"). This is
 * what lets the knowledge base match by meaning without a language model: both the question and the FAQ
 * are rewritten into concepts before they are compared. Unknown words are kept; small typos of known
 * words ("instalation", "warrenty") are forgiven.
 */
final class SynonymLexicon {

    private static final Map<String, String> CONCEPTS = new HashMap<>();
    private static final Map<List<String>, String> PHRASES = new HashMap<>();
    private static int longestPhrase = 1;

    /** Words that carry no meaning for matching (question words, fillers, pronouns) in all four languages. */
    static final Set<String> STOPWORDS = Set.copyOf(List.of(
            "a", "an", "the", "is", "are", "was", "be", "do", "does", "did", "i", "me", "my", "we", "you", "your", "it", "its",
            "of", "for", "to", "in", "on", "at", "and", "or", "with", "can", "will", "would", "what", "which", "how", "please",
            "any", "there", "this", "that", "have", "has", "get", "hi", "hello", "sir", "madam", "ji", "bhai", "yaar",
            "kya", "hai", "ka", "ki", "ke", "ko", "se", "me", "mein", "main", "hum", "aap", "apna", "apni", "mera", "meri",
            "kaise", "kitna", "kitne", "kitni", "karo", "kar", "karna", "do", "de", "dijiye", "batao", "bataiye", "bta",
            "koi", "take", "takes", "taking", "accept", "lete", "many", "much", "if", "like", "dont", "possible", "option", "options", "sakte", "sakta", "sakti", "hain",
            "saaman", "samaan", "saman", "product", "products", "item", "items", "thing", "new", "naya", "nayi", "le", "lena",
            "सामान", "प्रोडक्ट", "सकते", "सकता", "नया", "hota", "hoti", "hote", "toh", "to", "bhi", "par", "pe", "liye", "lie", "wala", "wali", "tha", "thi",
            "क्या", "है", "का", "की", "के", "को", "से", "में", "मैं", "हम", "आप", "मेरा", "मेरी", "कैसे", "कितना",
            "कितने", "करें", "कर", "दें", "बताइए", "बताओ", "भी", "पर", "लिए", "वाला", "तो", "हैं", "एक", "यह",
            "என்ன", "எப்படி", "உள்ளதா", "இருக்கா", "ஒரு", "நான்", "என்", "உங்கள்", "தயவு", "செய்து"));

    static {
        concept("c_delivery", "delivery", "deliver", "delivered", "delivering", "shipping", "ship", "shipment", "courier",
                "dispatch", "home delivery", "doorstep", "pahunchana", "pahuncha", "pahunchega", "bhejoge", "bhejna", "bhejne", "bhejenge",
                "ghar tak", "ghar pe", "ghar par", "पहुंचेगा", "पहुँचेगा", "घर तक",
                "डिलीवरी", "डिलिवरी", "होम डिलीवरी", "पहुंचाना", "पहुँचाना", "भेजना", "டெலிவரி", "அனுப்புவீர்களா");
        concept("c_charge", "charge", "charges", "charged", "fee", "fees", "cost", "costs", "extra", "lagega", "lagta",
                "lagti", "lagenge", "paisa", "paise", "kharcha", "shulk", "शुल्क", "चार्ज", "खर्च", "लगेगा", "लगता", "पैसे",
                "கட்டணம்", "செலவு", "சார்ஜ்");
        concept("c_free", "free", "muft", "mufth", "free of cost", "no charge", "मुफ्त", "फ्री", "இலவசம்", "ஃப்ரீ");
        concept("c_time", "days", "day", "time", "how long", "how soon", "when", "kab", "din", "samay", "kitne din",
                "दिन", "समय", "कब", "நாள்", "நாட்கள்", "எப்போது", "எவ்வளவு நாள்");
        concept("c_years", "year", "years", "yr", "yrs", "saal", "sal", "varsh", "साल", "वर्ष", "ஆண்டு", "ஆண்டுகள்", "வருடம்");
        concept("c_install", "install", "installation", "installing", "installed", "fitting", "fit", "setup", "set up",
                "mounting", "wall mount", "lagana", "lagwana", "lagwani", "lagaoge", "fitting karoge",
                "इंस्टॉलेशन", "इंस्टालेशन", "इंस्टॉल", "लगाना", "लगवाना", "फिटिंग",
                "நிறுவல்", "இன்ஸ்டாலேஷன்", "பொருத்துதல்", "இன்ஸ்டால்");
        concept("c_warranty", "warranty", "warrenty", "guarantee", "guaranty", "garanti", "extended warranty",
                "वारंटी", "गारंटी", "வாரண்டி", "உத்தரவாதம்", "கேரண்டி");
        concept("c_emi", "emi", "emis", "installment", "installments", "instalment", "instalments", "kisht", "kist",
                "kishton", "finance", "financing", "no cost emi", "easy payment", "monthly payment", "bajaj finance",
                "ईएमआई", "किस्त", "किश्त", "किस्तों", "இஎம்ஐ", "தவணை", "மாதத் தவணை");
        concept("c_return", "return", "returns", "returned", "returning", "send back", "take back", "give back", "sent back", "back", "wapis", "wapas", "vapas", "lautana", "waapas",
                "वापस", "लौटाना", "रिटर्न", "திருப்பி", "திருப்பி அனுப்ப", "ரிட்டர்ன்");
        concept("c_refund", "refund", "refunds", "money back", "paisa wapas", "रिफंड", "पैसे वापस", "ரீஃபண்ட்", "பணம் திரும்ப");
        concept("c_exchange", "exchange", "trade in", "trade-in", "old", "purana", "purani", "puraana", "badle", "badle mein",
                "एक्सचेंज", "पुराना", "पुरानी", "बदले", "எக்ஸ்சேஞ்ச்", "பழைய");
        concept("c_offer", "offer", "offers", "discount", "deal", "scheme", "ऑफर", "छूट", "ஆஃபர்", "தள்ளுபடி");
        concept("c_payment", "payment", "pay", "paying", "upi", "card", "credit card", "debit card", "cash", "gpay", "phonepe",
                "bhugtan", "भुगतान", "पेमेंट", "कार्ड", "கட்டணம் செலுத்த", "பேமெண்ட்", "கார்டு");
        concept("c_cod", "cod", "cash on delivery", "pay on delivery", "डिलीवरी पर भुगतान", "கேஷ் ஆன் டெலிவரி");
        concept("c_area", "area", "areas", "pincode", "pin code", "location", "city", "cities", "outside", "bengaluru",
                "bangalore", "bengalore", "ilaka", "ilake", "shahar", "इलाका", "इलाके", "शहर", "पिनकोड", "பகுதி", "நகரம்", "பின்கோடு");
        concept("c_repair", "repair", "service", "servicing", "service center", "technician", "mechanic", "theek", "repair karna",
                "रिपेयर", "सर्विस", "मैकेनिक", "ठीक", "சர்வீஸ்", "பழுது நீக்க", "டெக்னீஷியன்");
        concept("c_policy", "policy", "rule", "rules", "terms", "niyam", "नियम", "नीति", "கொள்கை", "விதி");
        concept("c_demo", "demo", "demonstration", "how to use", "chalana", "chalate", "डेमो", "चलाना", "டெமோ");
        concept("c_product_tv", "tv", "television", "led", "smart tv", "टीवी", "டிவி");
        concept("c_product_ac", "ac", "air conditioner", "एसी", "ஏசி");
        concept("c_product_fridge", "fridge", "refrigerator", "फ्रिज", "ஃப்ரிட்ஜ்", "குளிர்சாதன");
        concept("c_product_wm", "washing machine", "washer", "वॉशिंग मशीन", "வாஷிங் மெஷின்");
        concept("c_available", "available", "availability", "milta", "milti", "milega",
                "milegi", "hota hai", "deti", "dete", "उपलब्ध", "मिलता", "मिलती", "मिलेगा", "मिलेगी", "கிடைக்குமா", "கிடைக்கும்");
        concept("c_cancel", "cancel", "cancellation", "radd", "रद्द", "कैंसिल", "ரத்து");
        concept("c_broken", "damaged", "broken", "defective", "kharab", "toota", "tuta", "खराब", "टूटा", "பழுது", "உடைந்த");
    }

    private SynonymLexicon() {
    }

    /** The text as concepts and remaining content words, in order. */
    static List<String> concepts(String raw) {
        List<String> tokens = SupportText.tokens(raw);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            String matched = null;
            int length = 0;
            for (int n = Math.min(longestPhrase, tokens.size() - i); n >= 2 && matched == null; n--) {
                String concept = PHRASES.get(tokens.subList(i, i + n));
                if (concept != null) {
                    matched = concept;
                    length = n;
                }
            }
            if (matched == null) {
                String token = tokens.get(i);
                matched = CONCEPTS.get(token);
                if (matched == null && !STOPWORDS.contains(token)) {
                    matched = fuzzy(token);
                }
                length = 1;
            }
            if (matched != null) {
                out.add(matched);
            }
            i += length;
        }
        return out;
    }

    /** A known word within one edit (two for long words), else the word itself. */
    private static String fuzzy(String token) {
        if (token.length() < 5 || token.chars().allMatch(Character::isDigit)) {
            return token;
        }
        int allowed = token.length() >= 8 ? 2 : 1;
        for (Map.Entry<String, String> e : CONCEPTS.entrySet()) {
            if (Math.abs(e.getKey().length() - token.length()) <= allowed && e.getKey().length() >= 4
                    && editDistance(e.getKey(), token, allowed) <= allowed) {
                return e.getValue();
            }
        }
        return token;
    }

    static int editDistance(String a, String b, int limit) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static void concept(String id, String... variants) {
        for (String variant : variants) {
            List<String> tokens = SupportText.tokens(variant);
            if (tokens.size() == 1) {
                CONCEPTS.put(tokens.get(0), id);
            } else if (tokens.size() > 1) {
                PHRASES.put(List.copyOf(tokens), id);
                longestPhrase = Math.max(longestPhrase, tokens.size());
            }
        }
    }
}
