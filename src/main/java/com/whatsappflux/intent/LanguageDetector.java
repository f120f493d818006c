package com.whatsappflux.intent;

import java.util.ArrayList;
import java.util.List;

/**
 * Detects the language of a message. The Unicode script decides whenever it can (Tamil script → ta,
 * Gurmukhi → pa, …); two small trained models decide within a script shared by several languages:
 * Latin (en / hi-Latn / ta-Latn) and Devanagari (hi / mr). A message with no letters at all ("👍", "4500")
 * is reported as {@code en}, the neutral default of the business.
 */
final class LanguageDetector {

    private static final String[] LATIN = {"en", "hi-Latn", "ta-Latn"};
    private static final String[] DEVANAGARI = {"hi", "mr"};

    private final FeatureHasher hasher = new FeatureHasher(16);
    private final SoftmaxModel latin = new SoftmaxModel(1 << 16, LATIN.length);
    private final SoftmaxModel devanagari = new SoftmaxModel(1 << 16, DEVANAGARI.length);

    LanguageDetector(List<LabelledText> corpus) {
        latin.train(examples(corpus, LATIN), 6, 0.5, 7);
        devanagari.train(examples(corpus, DEVANAGARI), 6, 0.5, 11);
    }

    String detect(String rawText, String normalized, Script script, int[] buffer, double[] scratch) {
        String implied = script.impliedLanguage();
        if (implied != null) {
            return implied;
        }
        if (script == Script.DEVANAGARI) {
            return pick(devanagari, DEVANAGARI, normalized, buffer, scratch);
        }
        if (script == Script.LATIN) {
            return pick(latin, LATIN, normalized, buffer, scratch);
        }
        return "en";
    }

    long sizeInBytes() {
        return latin.sizeInBytes() + devanagari.sizeInBytes();
    }

    private String pick(SoftmaxModel model, String[] labels, String normalized, int[] buffer, double[] scratch) {
        int n = hasher.hash(normalized, buffer);
        model.scores(buffer, n, scratch);
        int best = 0;
        for (int i = 1; i < labels.length; i++) {
            if (scratch[i] > scratch[best]) {
                best = i;
            }
        }
        return labels[best];
    }

    private List<SoftmaxModel.Example> examples(List<LabelledText> corpus, String[] labels) {
        List<SoftmaxModel.Example> examples = new ArrayList<>();
        int[] buffer = new int[FeatureHasher.MAX_FEATURES];
        for (LabelledText row : corpus) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i].equals(row.language())) {
                    int n = hasher.hash(TextNormalizer.normalize(row.text()), buffer);
                    examples.add(new SoftmaxModel.Example(java.util.Arrays.copyOf(buffer, n), i));
                }
            }
        }
        return examples;
    }
}
