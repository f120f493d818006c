package com.whatsappflux.intent;

import java.io.InputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The self-contained classifier: normalisation, script + trained language detection, a multinomial
 * logistic-regression model over hashed character/word n-grams trained at start-up from
 * {@code intent/training.tsv}, temperature-scaled confidences, and two high-precision rules on top
 * (opt-out phrases; a UPI/UTR reference means payment). Thread-safe: the model is read-only after
 * construction and per-call buffers live in a {@link ThreadLocal}.
 */
public final class BuiltInIntentClassifier implements IntentClassifier {

    public static final String TRAINING_RESOURCE = "intent/training.tsv";
    private static final Intent[] INTENTS = Intent.values();
    private static final int HASH_BITS = 18;
    private static final int EPOCHS = 7;
    private static final int FINISHING_EPOCHS = 2;
    private static final double LEARNING_RATE = 0.6;
    /** Below this the model's opt-out guess is not trusted without a rule phrase: opt-out precision matters most. */
    private static final double UNRULED_OPT_OUT_MIN = 0.75;

    private final ZoneId zone;
    private final FeatureHasher hasher = new FeatureHasher(HASH_BITS);
    private final SoftmaxModel model = new SoftmaxModel(1 << HASH_BITS, INTENTS.length);
    private final LanguageDetector languages;
    private final EntityExtractor entities = new EntityExtractor();
    private final long trainingMillis;
    private final int trainingRows;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final int[] features = new int[FeatureHasher.MAX_FEATURES];
        final double[] probabilities = new double[INTENTS.length];
    }

    public BuiltInIntentClassifier(List<LabelledText> corpus, ZoneId zone) {
        long started = System.nanoTime();
        this.zone = zone;
        this.trainingRows = corpus.size();
        List<int[]> features = features(corpus);
        List<SoftmaxModel.Example> all = new ArrayList<>(corpus.size());
        for (int i = 0; i < corpus.size(); i++) {
            all.add(new SoftmaxModel.Example(features.get(i), corpus.get(i).intent().ordinal()));
        }
        // Train on six sevenths, fit the temperature on the rest (messages the weights have not seen),
        // then finish with low-rate epochs over everything so no row is wasted. One model, one pass of work.
        List<SoftmaxModel.Example> fit = new ArrayList<>();
        List<SoftmaxModel.Example> heldOut = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (i % 7 == 3 ? heldOut : fit).add(all.get(i));
        }
        model.train(fit, 0, EPOCHS, LEARNING_RATE, 42);
        model.fitTemperature(heldOut);
        model.train(all, EPOCHS, EPOCHS + FINISHING_EPOCHS, LEARNING_RATE, 43);
        model.setTemperature(model.temperature() * TEMPLATE_CORPUS_SOFTENING);
        this.languages = new LanguageDetector(corpus, features, hasher);
        this.trainingMillis = (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * The corpus is written from templates, so held-out rows are easier than real messages and the fitted
     * temperature comes out too sharp; this factor was set once by comparing confidence with accuracy on the
     * dev set (see IntentEvaluationTest's calibration table), not tuned per class.
     */
    private static final double TEMPLATE_CORPUS_SOFTENING = 1.6;

    /** Trains on the corpus shipped in the jar. */
    public static BuiltInIntentClassifier fromClasspath(ZoneId zone) {
        try (InputStream in = BuiltInIntentClassifier.class.getClassLoader().getResourceAsStream(TRAINING_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("training corpus missing from the classpath: " + TRAINING_RESOURCE);
            }
            return new BuiltInIntentClassifier(LabelledText.readTsv(in), zone);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Classification classify(String text) {
        return classify(text, ZonedDateTime.now(zone));
    }

    @Override
    public Classification classify(String text, ZonedDateTime now) {
        Scratch s = scratch.get();
        String normalized = TextNormalizer.normalize(text);
        Script script = Script.dominant(text);
        int n = hasher.hash(normalized, s.features);
        String language = languages.detect(script, s.features, n, s.probabilities);
        Entities found = entities.extract(text, now);

        double[] p = s.probabilities;
        model.probabilities(s.features, n, p);
        int best = argmax(p, -1);
        Intent intent = INTENTS[best];
        double confidence = p[best];

        boolean optOutPhrase = OptOutRule.matches(normalized, script);
        boolean vetoed = OptOutRule.vetoed(normalized);
        if (optOutPhrase && !vetoed) {
            return new Classification(Intent.OPT_OUT, Math.max(confidence, 0.97), language, found);
        }
        if (intent == Intent.OPT_OUT && (vetoed || confidence < UNRULED_OPT_OUT_MIN)) {
            best = argmax(p, Intent.OPT_OUT.ordinal());
            intent = INTENTS[best];
            confidence = p[best];
        }
        if (!found.transactionIds().isEmpty() && intent != Intent.PAYMENT) {
            return new Classification(Intent.PAYMENT, Math.max(p[Intent.PAYMENT.ordinal()], 0.9), language, found);
        }
        return new Classification(intent, confidence, language, found);
    }

    /** The business zone relative dates are resolved in by {@link #classify(String)}. */
    public ZoneId zone() {
        return zone;
    }

    /** Milliseconds spent training at construction. */
    public long trainingMillis() {
        return trainingMillis;
    }

    public int trainingRows() {
        return trainingRows;
    }

    /** Bytes held by the weight arrays (intent and language models). */
    public long modelBytes() {
        return model.sizeInBytes() + languages.sizeInBytes();
    }

    public double temperature() {
        return model.temperature();
    }

    private List<int[]> features(List<LabelledText> corpus) {
        List<int[]> features = new ArrayList<>(corpus.size());
        int[] buffer = new int[FeatureHasher.MAX_FEATURES];
        for (LabelledText row : corpus) {
            int n = hasher.hash(TextNormalizer.normalize(row.text()), buffer);
            features.add(Arrays.copyOf(buffer, n));
        }
        return features;
    }

    private static int argmax(double[] values, int excluded) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (i != excluded && (best < 0 || values[i] > values[best])) {
                best = i;
            }
        }
        return best;
    }
}
