package com.whatsappflux.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.whatsappflux.intent.TextNormalizer;

/** Tokens of a customer message in the intake's canonical form (lower case, no punctuation, emoji → {@code emj}). */
final class SupportText {

    private SupportText() {
    }

    static List<String> tokens(String raw) {
        String normalized = TextNormalizer.normalize(raw == null ? "" : raw);
        return normalized.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(normalized.split(" ")));
    }

    /** Whether {@code phrase} (already tokenised) occurs as consecutive tokens. */
    static boolean containsPhrase(List<String> tokens, List<String> phrase) {
        outer:
        for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!tokens.get(i + j).equals(phrase.get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
