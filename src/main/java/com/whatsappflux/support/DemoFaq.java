package com.whatsappflux.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The sample shop's knowledge base ({@code support/demo-faq.tsv}), for the demo profile and the matcher tests. */
final class DemoFaq {

    private DemoFaq() {
    }

    static List<FaqEntry> entries() {
        List<FaqEntry> entries = new ArrayList<>();
        try (InputStream in = DemoFaq.class.getClassLoader().getResourceAsStream("support/demo-faq.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String alternates = f.length > 4 ? String.join("\n", f[4].split("\\s*\\|\\s*")) : null;
                entries.add(new FaqEntry(null, f[0], f[1], f[2], f[3], alternates, true));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read support/demo-faq.tsv", e);
        }
        return entries;
    }
}
