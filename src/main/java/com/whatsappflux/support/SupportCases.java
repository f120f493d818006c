package com.whatsappflux.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;

/**
 * The support_case and csat_rating tables: one case per support-triage instance, how it ended and its rating.
 * Also the Micrometer meters {@code flux.support.resolved{by}} and {@code flux.support.csat}.
 */
@Service
public class SupportCases {

    private final Database db;
    private final BusinessClock clock;
    private final MeterRegistry meters;
    private final DistributionSummary csat;

    public SupportCases(Database db, BusinessClock clock, MeterRegistry meters) {
        this.db = db;
        this.clock = clock;
        this.meters = meters;
        this.csat = DistributionSummary.builder("flux.support.csat").description("Customer satisfaction, 1-5")
                .minimumExpectedValue(1.0).maximumExpectedValue(5.0).register(meters);
    }

    public long open(String waId, String processInstanceId, TopicGuess guess, String text) {
        return db.insertReturningId("INSERT INTO support_case (wa_id, process_instance_id, topic, topic_confidence, "
                + "negative_sentiment, first_message, status, opened_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)", waId,
                processInstanceId, guess.topic(), BigDecimal.valueOf(guess.confidence()), guess.negativeSentiment(),
                text == null ? null : text.substring(0, Math.min(2000, text.length())), Timestamp.from(clock.now()));
    }

    /** A follow-up message: the case keeps its first message, the topic follows the latest one. */
    public void retopic(long caseId, TopicGuess guess) {
        db.jdbc().update("UPDATE support_case SET topic = ?, topic_confidence = ?, negative_sentiment = negative_sentiment OR ? "
                + "WHERE id = ?", guess.topic(), BigDecimal.valueOf(guess.confidence()), guess.negativeSentiment(), caseId);
    }

    /** {@code resolvedBy}: automatic, human, or unresolved (the customer went silent before we could answer). */
    public void close(long caseId, String resolvedBy) {
        boolean resolved = "automatic".equals(resolvedBy) || "human".equals(resolvedBy);
        int updated = db.jdbc().update("UPDATE support_case SET status = ?, resolved_by = ?, closed_at = ? "
                + "WHERE id = ? AND closed_at IS NULL", resolved ? "RESOLVED" : "UNRESOLVED", resolved ? resolvedBy : null,
                Timestamp.from(clock.now()), caseId);
        if (updated > 0 && resolved) {
            meters.counter("flux.support.resolved", "by", resolvedBy).increment();
        }
    }

    public void handedOverToBooking(long caseId) {
        db.jdbc().update("UPDATE support_case SET status = 'HANDED_OVER', closed_at = ? WHERE id = ? AND closed_at IS NULL",
                Timestamp.from(clock.now()), caseId);
    }

    public void escalated(long caseId) {
        db.jdbc().update("UPDATE support_case SET escalated = TRUE WHERE id = ?", caseId);
    }

    /** Stores the rating once per case (a second tap is ignored). */
    public boolean rate(long caseId, String waId, int rating) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating 1-5, got " + rating);
        }
        String resolvedBy = db.jdbc().queryForObject("SELECT resolved_by FROM support_case WHERE id = ?", String.class, caseId);
        boolean stored = db.insertIfAbsent("INSERT INTO csat_rating (case_id, wa_id, rating, resolved_by, rated_at) "
                + "VALUES (?, ?, ?, ?, ?)", caseId, waId, rating, resolvedBy, Timestamp.from(clock.now()));
        if (stored) {
            csat.record(rating);
        }
        return stored;
    }

    public List<Integer> ratings(long caseId) {
        return db.jdbc().queryForList("SELECT rating FROM csat_rating WHERE case_id = ?", Integer.class, caseId);
    }

    /** The customer's latest case, if any. */
    public Long caseIdFor(String waId) {
        return db.jdbc().queryForList("SELECT id FROM support_case WHERE wa_id = ? ORDER BY id DESC", Long.class, waId)
                .stream().findFirst().orElse(null);
    }

    public Map<String, Object> find(long caseId) {
        return db.jdbc().queryForMap("SELECT * FROM support_case WHERE id = ?", caseId);
    }

    /** For GET /api/support/metrics: resolution rate (automatic vs human) and average CSAT from the tables. */
    public Map<String, Object> metrics() {
        Map<String, Object> row = db.jdbc().queryForMap("SELECT COUNT(*) AS cases, "
                + "SUM(CASE WHEN resolved_by = 'automatic' THEN 1 ELSE 0 END) AS automatic, "
                + "SUM(CASE WHEN resolved_by = 'human' THEN 1 ELSE 0 END) AS human, "
                + "SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END) AS open_cases, "
                + "SUM(CASE WHEN escalated THEN 1 ELSE 0 END) AS escalated FROM support_case");
        Map<String, Object> ratings = db.jdbc().queryForMap("SELECT COUNT(*) AS ratings, AVG(CAST(rating AS DECIMAL(6, 3))) AS average "
                + "FROM csat_rating");
        long cases = number(row.get("cases"));
        long automatic = number(row.get("automatic"));
        long human = number(row.get("human"));
        long resolved = automatic + human;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("cases", cases);
        metrics.put("open", number(row.get("open_cases")));
        metrics.put("resolved", resolved);
        metrics.put("resolvedAutomatically", automatic);
        metrics.put("resolvedByHuman", human);
        metrics.put("escalated", number(row.get("escalated")));
        metrics.put("resolutionRate", ratio(resolved, cases));
        metrics.put("automaticResolutionRate", ratio(automatic, resolved));
        metrics.put("humanResolutionRate", ratio(human, resolved));
        metrics.put("ratings", number(ratings.get("ratings")));
        Object average = ratings.get("average");
        metrics.put("averageCsat", average == null ? null
                : Math.round(((Number) average).doubleValue() * 100) / 100.0);
        return metrics;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
