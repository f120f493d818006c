package com.whatsappflux.intent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One row of a labelled TSV (columns id, lang, intent, text), as in training.tsv and the dev file. */
public record LabelledText(String id, String language, Intent intent, String text) {

    public static List<LabelledText> readTsv(InputStream in) {
        List<LabelledText> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                return rows;
            }
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cols = line.split("\t", 4);
                if (cols.length == 4 && !cols[3].isBlank()) {
                    rows.add(new LabelledText(cols[0], cols[1], Intent.fromCode(cols[2]), cols[3]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
