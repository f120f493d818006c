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

    private final SoftmaxModel latin;
    private final SoftmaxModel devanagari;

    /** Trains on the corpus rows' language labels, reusing the intent model's hashed features (same hasher). */
    LanguageDetector(List<LabelledText> corpus, List<int[]> features, FeatureHasher hasher) {
        latin = new SoftmaxModel(hasher.dimension(), LATIN.length);
        devanagari = new SoftmaxModel(hasher.dimension(), DEVANAGARI.length);
        latin.train(examples(corpus, features, LATIN), 4, 0.5, 7);
        devanagari.train(examples(corpus, features, DEVANAGARI), 4, 0.5, 11);
    }

    /** @param features the message's hashed features, {@code count} of them */
    String detect(Script script, int[] features, int count, double[] scratch) {
        String implied = script.impliedLanguage();
        if (implied != null) {
            return implied;
        }
        if (script == Script.DEVANAGARI) {
            return pick(devanagari, DEVANAGARI, features, count, scratch);
        }
        if (script == Script.LATIN) {
            return pick(latin, LATIN, features, count, scratch);
        }
        return "en";
    }

    long sizeInBytes() {
        return latin.sizeInBytes() + devanagari.sizeInBytes();
    }

    private static String pick(SoftmaxModel model, String[] labels, int[] features, int count, double[] scratch) {
        model.scores(features, count, scratch);
        int best = 0;
        for (int i = 1; i < labels.length; i++) {
            if (scratch[i] > scratch[best]) {
                best = i;
            }
        }
        return labels[best];
    }

    private static List<SoftmaxModel.Example> examples(List<LabelledText> corpus, List<int[]> features, String[] labels) {
        List<SoftmaxModel.Example> examples = new ArrayList<>();
        for (int r = 0; r < corpus.size(); r++) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i].equals(corpus.get(r).language())) {
                    examples.add(new SoftmaxModel.Example(features.get(r), i));
                }
            }
        }
        return examples;
    }
}
