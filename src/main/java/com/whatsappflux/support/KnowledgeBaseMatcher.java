package com.whatsappflux.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the knowledge-base entry a customer's question means, in any of the languages. Every FAQ question
 * and alternate phrasing is a document; a document and the customer's text are compared on two TF-IDF
 * vectors: the concepts of {@link SynonymLexicon} (carries meaning across languages and wordings) and
 * character 3-grams of the original words (forgives spelling and inflection). Immutable: rebuild it when
 * the knowledge base changes.
 */
final class KnowledgeBaseMatcher {

    static final double DEFAULT_THRESHOLD = 0.42;
    private static final double CONCEPT_WEIGHT = 0.75;
    private static final double UNSEEN_WEIGHT = 1.0;

    record Match(String key, double score) {
    }

    private record Document(String key, Map<String, Double> concepts, Map<String, Double> grams) {
    }

    private final List<Document> documents = new ArrayList<>();
    private final Map<String, Double> conceptIdf = new HashMap<>();
    private final Map<String, Double> gramIdf = new HashMap<>();
    private final double threshold;

    KnowledgeBaseMatcher(List<FaqEntry> entries, double threshold) {
        this.threshold = threshold;
        List<String[]> raw = new ArrayList<>();
        for (FaqEntry entry : entries) {
            if (!entry.active()) {
                continue;
            }
            raw.add(new String[] {entry.key(), entry.question()});
            if (entry.alternates() != null) {
                for (String alternate : entry.alternates().split("\\R")) {
                    if (!alternate.isBlank()) {
                        raw.add(new String[] {entry.key(), alternate});
                    }
                }
            }
        }
        List<Map<String, Double>> conceptCounts = raw.stream().map(r -> counts(SynonymLexicon.concepts(r[1]))).toList();
        List<Map<String, Double>> gramCounts = raw.stream().map(r -> counts(grams(r[1]))).toList();
        idf(conceptCounts, conceptIdf);
        idf(gramCounts, gramIdf);
        for (int i = 0; i < raw.size(); i++) {
            documents.add(new Document(raw.get(i)[0], weigh(conceptCounts.get(i), conceptIdf),
                    weigh(gramCounts.get(i), gramIdf)));
        }
    }

    /** The best entry above the threshold, if any. */
    Optional<Match> match(String text) {
        return best(text).filter(m -> m.score() >= threshold);
    }

    /** The best entry whatever its score (for tuning and tests). */
    Optional<Match> best(String text) {
        Map<String, Double> concepts = weigh(counts(SynonymLexicon.concepts(text)), conceptIdf);
        Map<String, Double> grams = weigh(counts(grams(text)), gramIdf);
        if (concepts.isEmpty() && grams.isEmpty()) {
            return Optional.empty();
        }
        Match best = null;
        for (Document d : documents) {
            double score = CONCEPT_WEIGHT * cosine(concepts, d.concepts()) + (1 - CONCEPT_WEIGHT) * cosine(grams, d.grams());
            if (best == null || score > best.score()) {
                best = new Match(d.key(), score);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Character 3-grams of the content words (padded, so short words count too). */
    static List<String> grams(String text) {
        List<String> out = new ArrayList<>();
        for (String token : SupportText.tokens(text)) {
            if (SynonymLexicon.STOPWORDS.contains(token)) {
                continue;
            }
            String padded = " " + token + " ";
            int[] cps = padded.codePoints().toArray();
            for (int i = 0; i + 3 <= cps.length; i++) {
                out.add(new String(cps, i, 3));
            }
        }
        return out;
    }

    private static Map<String, Double> counts(List<String> terms) {
        Map<String, Double> counts = new HashMap<>();
        terms.forEach(t -> counts.merge(t, 1.0, Double::sum));
        return counts;
    }

    private static void idf(List<Map<String, Double>> documents, Map<String, Double> idf) {
        Map<String, Integer> df = new HashMap<>();
        documents.forEach(d -> d.keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
        int n = documents.size();
        df.forEach((t, f) -> idf.put(t, Math.log(1.0 + (double) n / f)));
    }

    /**
     * Sub-linear TF × IDF. Words the knowledge base never uses get a small weight: they say nothing about which
     * entry is meant, but many of them still dilute the similarity of a question about something else.
     */
    private static Map<String, Double> weigh(Map<String, Double> counts, Map<String, Double> idf) {
        Map<String, Double> vector = new HashMap<>();
        counts.forEach((t, c) -> vector.put(t, (1 + Math.log(c)) * idf.getOrDefault(t, UNSEEN_WEIGHT)));
        return vector;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        return dot / (norm(a) * norm(b));
    }

    private static double norm(Map<String, Double> v) {
        double sum = 0;
        for (double x : v.values()) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
