package com.whatsappflux.intent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the built-in classifier on a labelled TSV (id, lang, intent, text) and prints readable tables.
 * Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.whatsappflux.intent.IntentEvaluation -Dexec.args=../shared/data/intent-dev.tsv}
 */
public final class IntentEvaluation {

    private static final Intent[] INTENTS = Intent.values();
    static final ZonedDateTime FIXED_NOW = ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneId.of("Asia/Kolkata"));

    /** Per-class counts and the derived scores. */
    record Scores(int[][] confusion, double accuracy, double macroF1, double[] precision, double[] recall, double[] f1) {

        static Scores of(int[][] confusion) {
            int k = confusion.length;
            double[] precision = new double[k];
            double[] recall = new double[k];
            double[] f1 = new double[k];
            int correct = 0;
            int total = 0;
            double f1Sum = 0;
            int present = 0;
            for (int c = 0; c < k; c++) {
                int tp = confusion[c][c];
                int predicted = 0;
                int actual = 0;
                for (int o = 0; o < k; o++) {
                    predicted += confusion[o][c];
                    actual += confusion[c][o];
                }
                correct += tp;
                total += actual;
                precision[c] = predicted == 0 ? (actual == 0 ? 1 : 0) : (double) tp / predicted;
                recall[c] = actual == 0 ? 1 : (double) tp / actual;
                f1[c] = precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
                // a class absent from both truth and predictions says nothing about this slice
                if (actual > 0 || predicted > 0) {
                    f1Sum += f1[c];
                    present++;
                }
            }
            return new Scores(confusion, total == 0 ? 0 : (double) correct / total, present == 0 ? 0 : f1Sum / present,
                    precision, recall, f1);
        }
    }

    /** Everything the test asserts and the command prints. */
    record Report(Scores overall, Map<String, Scores> byLanguage, Map<String, Integer> rowsByLanguage,
                  List<String> errors, double expectedCalibrationError, String calibrationTable) {
    }

    static Report evaluate(IntentClassifier classifier, List<LabelledText> rows) {
        int k = INTENTS.length;
        int[][] confusion = new int[k][k];
        Map<String, int[][]> perLanguage = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        int bins = 10;
        double[] binConfidence = new double[bins];
        int[] binCorrect = new int[bins];
        int[] binCount = new int[bins];
        for (LabelledText row : rows) {
            Classification result = classifier.classify(row.text(), FIXED_NOW);
            int truth = row.intent().ordinal();
            int predicted = result.intent().ordinal();
            confusion[truth][predicted]++;
            perLanguage.computeIfAbsent(row.language(), l -> new int[k][k])[truth][predicted]++;
            counts.merge(row.language(), 1, Integer::sum);
            int bin = Math.min(bins - 1, (int) (result.confidence() * bins));
            binConfidence[bin] += result.confidence();
            binCount[bin]++;
            if (truth == predicted) {
                binCorrect[bin]++;
            } else {
                errors.add(String.format("%-8s %-8s→%-8s %.2f %s", row.language(), row.intent().code(), result.intent().code(),
                        result.confidence(), row.text()));
            }
        }
        Map<String, Scores> byLanguage = new TreeMap<>();
        perLanguage.forEach((lang, m) -> byLanguage.put(lang, Scores.of(m)));
        StringBuilder table = new StringBuilder(String.format("%-10s %6s %10s %9s%n", "confidence", "rows", "mean conf", "accuracy"));
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (binCount[b] == 0) {
                continue;
            }
            double meanConfidence = binConfidence[b] / binCount[b];
            double accuracy = (double) binCorrect[b] / binCount[b];
            ece += Math.abs(meanConfidence - accuracy) * binCount[b] / rows.size();
            table.append(String.format("%.1f–%.1f    %6d %10.3f %9.3f%n", b / 10.0, (b + 1) / 10.0, binCount[b], meanConfidence, accuracy));
        }
        return new Report(Scores.of(confusion), byLanguage, counts, errors, ece, table.toString());
    }

    static String format(Report report) {
        StringBuilder out = new StringBuilder();
        Scores s = report.overall();
        int total = report.rowsByLanguage().values().stream().mapToInt(Integer::intValue).sum();
        out.append(String.format("%nrows %d   accuracy %.3f   macro-F1 %.3f   ECE %.3f%n%n", total, s.accuracy(), s.macroF1(),
                report.expectedCalibrationError()));
        out.append(String.format("%-8s %9s %7s %7s %7s%n", "intent", "precision", "recall", "F1", "rows"));
        for (Intent intent : INTENTS) {
            int c = intent.ordinal();
            int rows = 0;
            for (int o = 0; o < INTENTS.length; o++) {
                rows += s.confusion()[c][o];
            }
            out.append(String.format("%-8s %9.3f %7.3f %7.3f %7d%n", intent.code(), s.precision()[c], s.recall()[c], s.f1()[c], rows));
        }
        out.append(String.format("%n%-8s %6s %9s %9s%n", "language", "rows", "accuracy", "macro-F1"));
        report.byLanguage().forEach((lang, ls) -> out.append(String.format("%-8s %6d %9.3f %9.3f%n", lang,
                report.rowsByLanguage().get(lang), ls.accuracy(), ls.macroF1())));
        out.append(String.format("%nconfusion (rows = truth, columns = predicted)%n%-8s", ""));
        for (Intent intent : INTENTS) {
            out.append(String.format(" %8s", intent.code()));
        }
        out.append('\n');
        for (Intent truth : INTENTS) {
            out.append(String.format("%-8s", truth.code()));
            for (Intent predicted : INTENTS) {
                out.append(String.format(" %8d", s.confusion()[truth.ordinal()][predicted.ordinal()]));
            }
            out.append('\n');
        }
        out.append("\ncalibration\n").append(report.calibrationTable());
        out.append(String.format("%nmisclassified (%d)%n", report.errors().size()));
        report.errors().forEach(e -> out.append("  ").append(e).append('\n'));
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "../shared/data/intent-dev.tsv");
        BuiltInIntentClassifier classifier = BuiltInIntentClassifier.fromClasspath(ZoneId.of("Asia/Kolkata"));
        List<LabelledText> rows;
        try (InputStream in = Files.newInputStream(path)) {
            rows = LabelledText.readTsv(in);
        }
        System.out.printf("model trained in %d ms on %d rows (temperature %.2f)%n", classifier.trainingMillis(),
                classifier.trainingRows(), classifier.temperature());
        System.out.print(format(evaluate(classifier, rows)));
    }
}
