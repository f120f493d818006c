package com.whatsappflux.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The training corpus must stay independent of the dev set, or the evaluation means nothing. */
class TrainingCorpusTest {

    private static final Path DEV = Path.of("..", "shared", "data", "intent-dev.tsv");

    private static List<LabelledText> training() throws IOException {
        try (InputStream in = TrainingCorpusTest.class.getClassLoader().getResourceAsStream(BuiltInIntentClassifier.TRAINING_RESOURCE)) {
            return LabelledText.readTsv(in);
        }
    }

    @Test
    void noTrainingTextEqualsADevTextAfterNormalisation() throws IOException {
        assumeTrue(Files.exists(DEV), "dev set not present");
        Set<String> dev;
        try (InputStream in = Files.newInputStream(DEV)) {
            dev = LabelledText.readTsv(in).stream().map(r -> TextNormalizer.normalize(r.text())).collect(Collectors.toSet());
        }
        List<String> leaked = training().stream().map(LabelledText::text)
                .filter(text -> dev.contains(TextNormalizer.normalize(text))).toList();
        assertThat(leaked).as("training rows identical to dev rows").isEmpty();
    }

    @Test
    void coversEveryIntentInEveryLanguage() throws IOException {
        Map<String, Set<Intent>> intentsByLanguage = training().stream().collect(
                Collectors.groupingBy(LabelledText::language, Collectors.mapping(LabelledText::intent, Collectors.toSet())));
        assertThat(intentsByLanguage.keySet())
                .containsExactlyInAnyOrder("en", "hi", "hi-Latn", "ta", "ta-Latn", "te", "mr", "bn", "kn", "gu", "ml", "pa");
        intentsByLanguage.forEach((language, intents) -> assertThat(intents).as(language).containsExactlyInAnyOrder(Intent.values()));
        assertThat(training()).hasSizeGreaterThan(4000);
    }
}
