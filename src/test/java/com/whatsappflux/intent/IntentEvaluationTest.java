package com.whatsappflux.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scores the built-in model on the shared labelled dev set and holds it to the targets of the issue. */
class IntentEvaluationTest {

    private static final Path DEV = Path.of("..", "shared", "data", "intent-dev.tsv");
    private static IntentEvaluation.Report report;

    @BeforeAll
    static void evaluate() throws IOException {
        assumeTrue(Files.exists(DEV), "dev set not present at " + DEV.toAbsolutePath());
        List<LabelledText> rows;
        try (InputStream in = Files.newInputStream(DEV)) {
            rows = LabelledText.readTsv(in);
        }
        report = IntentEvaluation.evaluate(SharedClassifier.INSTANCE, rows);
        System.out.print(IntentEvaluation.format(report));
    }

    @Test
    void macroF1IsAtLeast90Percent() {
        assertThat(report.overall().macroF1()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void everyLanguageWith20RowsReachesMacroF1Of85Percent() {
        report.byLanguage().forEach((language, scores) -> {
            if (report.rowsByLanguage().get(language) >= 20) {
                assertThat(scores.macroF1()).as("macro-F1 of %s", language).isGreaterThanOrEqualTo(0.85);
            }
        });
    }

    @Test
    void optOutPrecisionIsAtLeast98Percent() {
        assertThat(report.overall().precision()[Intent.OPT_OUT.ordinal()]).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void confidenceIsCalibrated() {
        assertThat(report.expectedCalibrationError()).as("expected calibration error").isLessThan(0.08);
    }
}
