package com.whatsappflux.intent;

import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over hashed sparse features, trained with plain SGD.
 * Weights are laid out feature-major ({@code w[feature * classes + class]}) so the scores of one
 * message touch one short contiguous run per feature. A fitted temperature divides the logits so the
 * softmax probability of the chosen class tracks its accuracy (temperature scaling).
 */
final class SoftmaxModel {

    private final int classes;
    private final float[] weights;
    private final float[] bias;
    private double temperature = 1.0;

    SoftmaxModel(int dimension, int classes) {
        this.classes = classes;
        this.weights = new float[dimension * classes];
        this.bias = new float[classes];
    }

    int classes() {
        return classes;
    }

    /** One training example: feature indices (with repeats) and the class id. */
    record Example(int[] features, int label) {
    }

    void train(List<Example> examples, int epochs, double learningRate, long seed) {
        train(examples, 0, epochs, learningRate, seed);
    }

    /** Runs epochs {@code firstEpoch .. lastEpoch-1}; the learning rate keeps decaying across calls. */
    void train(List<Example> examples, int firstEpoch, int lastEpoch, double learningRate, long seed) {
        Random random = new Random(seed);
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] probs = new double[classes];
        for (int epoch = firstEpoch; epoch < lastEpoch; epoch++) {
            shuffle(order, random);
            double lr = learningRate / (1 + epoch * 0.3);
            for (int idx : order) {
                Example ex = examples.get(idx);
                scores(ex.features(), ex.features().length, probs);
                softmax(probs, 1.0);
                float scale = (float) (1.0 / Math.sqrt(ex.features().length));
                for (int c = 0; c < classes; c++) {
                    double gradient = (c == ex.label() ? 1.0 : 0.0) - probs[c];
                    if (Math.abs(gradient) < 1e-4) {
                        continue;
                    }
                    float step = (float) (lr * gradient);
                    bias[c] += step * 0.1f;
                    float featureStep = step * scale;
                    for (int f : ex.features()) {
                        weights[f * classes + c] += featureStep;
                    }
                }
            }
        }
    }

    /** Raw logits for the first {@code count} feature indices, written into {@code out}. */
    void scores(int[] features, int count, double[] out) {
        for (int c = 0; c < classes; c++) {
            out[c] = 0;
        }
        for (int i = 0; i < count; i++) {
            int base = features[i] * classes;
            for (int c = 0; c < classes; c++) {
                out[c] += weights[base + c];
            }
        }
        double scale = count == 0 ? 0 : 1.0 / Math.sqrt(count);
        for (int c = 0; c < classes; c++) {
            out[c] = out[c] * scale + bias[c];
        }
    }

    /** Calibrated class probabilities. */
    void probabilities(int[] features, int count, double[] out) {
        scores(features, count, out);
        softmax(out, temperature);
    }

    /** Picks the temperature minimising the negative log-likelihood of held-out examples (grid search, it is one number). */
    void fitTemperature(List<Example> heldOut) {
        double[][] logits = new double[heldOut.size()][classes];
        for (int i = 0; i < logits.length; i++) {
            scores(heldOut.get(i).features(), heldOut.get(i).features().length, logits[i]);
        }
        double best = 1.0;
        double bestLoss = Double.MAX_VALUE;
        double[] probs = new double[classes];
        for (double t = 0.2; t <= 5.0; t += 0.05) {
            double loss = 0;
            for (int i = 0; i < logits.length; i++) {
                System.arraycopy(logits[i], 0, probs, 0, classes);
                softmax(probs, t);
                loss -= Math.log(Math.max(probs[heldOut.get(i).label()], 1e-9));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        temperature = best;
    }

    double temperature() {
        return temperature;
    }

    void setTemperature(double temperature) {
        this.temperature = temperature;
    }

    long sizeInBytes() {
        return (long) weights.length * Float.BYTES + (long) bias.length * Float.BYTES;
    }

    static void softmax(double[] values, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp((values[i] - max) / temperature);
            sum += values[i];
        }
        for (int i = 0; i < values.length; i++) {
            values[i] /= sum;
        }
    }

    private static void shuffle(int[] array, Random random) {
        for (int i = array.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = array[i];
            array[i] = array[j];
            array[j] = tmp;
        }
    }
}
