package com.whatsappflux.support;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Spots an upset customer: abusive or disappointed words in English, Hinglish, Hindi and Tamil, angry emoji,
 * or shouting in capitals. Deliberately simple and high-precision: a false alarm only means a person answers.
 */
@Component
public class SentimentDetector {

    private static final List<List<String>> NEGATIVE = phrases(
            // English
            "worst", "pathetic", "horrible", "terrible", "useless", "disgusting", "fraud", "cheat", "cheated", "cheaters",
            "scam", "rubbish", "very bad", "so bad", "not happy", "unhappy", "disappointed", "frustrated", "angry",
            "fed up", "waste of money", "never again", "shame on", "ridiculous", "nonsense", "hopeless",
            // Hinglish
            "bakwas", "bakwaas", "bekar", "bekaar", "ghatiya", "ghatia", "faltu", "faaltu", "chor", "chori", "dhokha",
            "dhoka", "loot", "lootera", "bura haal", "pareshan", "pareshaan", "gussa", "bahut bura", "ganda",
            // Hindi
            "घटिया", "बकवास", "बेकार", "धोखा", "धोखाधड़ी", "फ्रॉड", "चोर", "लूट", "परेशान", "गुस्सा", "बहुत बुरा", "फालतू",
            // Tamil
            "மோசம்", "மோசமான", "ஏமாற்று", "ஏமாற்றம்", "கேவலம்", "வீண்", "கோபம்");

    private static final Set<Integer> ANGRY_EMOJI = Set.of(0x1F621, 0x1F92C, 0x1F620, 0x1F44E, 0x1F624, 0x1F4A2, 0x1F92E,
            0x1F62D, 0x1F61E, 0x1F612);

    public boolean isNegative(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        if (text.codePoints().anyMatch(ANGRY_EMOJI::contains)) {
            return true;
        }
        if (isShouting(text)) {
            return true;
        }
        List<String> tokens = SupportText.tokens(text);
        return NEGATIVE.stream().anyMatch(p -> SupportText.containsPhrase(tokens, p));
    }

    /** "WHERE IS MY ORDER I PAID LAST WEEK": several words, nearly all letters upper case. */
    static boolean isShouting(String text) {
        int upper = 0;
        int letters = 0;
        int words = 0;
        for (String word : text.trim().split("\\s+")) {
            if (word.codePoints().filter(Character::isLetter).count() >= 2) {
                words++;
            }
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x250 && Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return words >= 4 && letters >= 15 && upper >= 0.8 * letters;
    }

    static List<List<String>> phrases(String... phrases) {
        return java.util.Arrays.stream(phrases).map(SupportText::tokens).toList();
    }
}
