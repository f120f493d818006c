package com.whatsappflux.lead;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import com.whatsappflux.system.Database;

/** The sales_lead and lead_answer tables. */
@Repository
class Leads {

    private static final String COLUMNS = "id, wa_id, customer_name, source, campaign_id, ad_headline, first_message, "
            + "last_message, message_count, language, stage, score, owner_user, deal_value, follow_up_on, outcome_notes, "
            + "customer_questions, created_at, updated_at, closed_at";

    private final Database db;

    Leads(Database db) {
        this.db = db;
    }

    long insert(String waId, String name, String source, Long campaignId, String adHeadline, String message, String language,
                String processInstanceId, Instant now) {
        return db.insertReturningId("INSERT INTO sales_lead (wa_id, customer_name, source, campaign_id, ad_headline, "
                        + "first_message, last_message, language, stage, process_instance_id, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                waId, name, source, campaignId, adHeadline, message, message, language, Lead.NEW, processInstanceId,
                Timestamp.from(now), Timestamp.from(now));
    }

    Optional<Lead> find(long id) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM sales_lead WHERE id = ?", Leads::map, id).stream().findFirst();
    }

    Lead require(long id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no lead " + id));
    }

    Optional<Lead> openFor(String waId) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM sales_lead WHERE wa_id = ? AND closed_at IS NULL "
                + "ORDER BY created_at DESC, id DESC", Leads::map, waId).stream().findFirst();
    }

    Optional<Lead> latestFor(String waId) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM sales_lead WHERE wa_id = ? ORDER BY created_at DESC, id DESC",
                Leads::map, waId).stream().findFirst();
    }

    List<Lead> historyOf(String waId, long exceptId) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM sales_lead WHERE wa_id = ? AND id <> ? ORDER BY created_at DESC, id DESC",
                Leads::map, waId, exceptId);
    }

    void update(long id, String sql, Instant now, Object... args) {
        Object[] all = new Object[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = Timestamp.from(now);
        all[args.length + 1] = id;
        db.jdbc().update("UPDATE sales_lead SET " + sql + ", updated_at = ? WHERE id = ?", all);
    }

    void saveAnswer(long leadId, String questionKey, String text, String value, Instant now) {
        db.jdbc().update("DELETE FROM lead_answer WHERE lead_id = ? AND question_key = ?", leadId, questionKey);
        db.jdbc().update("INSERT INTO lead_answer (lead_id, question_key, answer_text, answer_value, answered_at) "
                + "VALUES (?, ?, ?, ?, ?)", leadId, questionKey, text, value, Timestamp.from(now));
    }

    /** question key → answer text, in the order they were given. */
    Map<String, String> answers(long leadId) {
        Map<String, String> answers = new LinkedHashMap<>();
        db.jdbc().query("SELECT question_key, answer_text FROM lead_answer WHERE lead_id = ? ORDER BY answered_at, question_key",
                rs -> {
                    answers.put(rs.getString(1), rs.getString(2));
                }, leadId);
        return answers;
    }

    /** question key → parsed value (budget band, timeline, pincode …). */
    Map<String, String> answerValues(long leadId) {
        Map<String, String> values = new LinkedHashMap<>();
        db.jdbc().query("SELECT question_key, answer_value FROM lead_answer WHERE lead_id = ?",
                rs -> {
                    values.put(rs.getString(1), rs.getString(2));
                }, leadId);
        return values;
    }

    private static Lead map(ResultSet rs, int row) throws SQLException {
        long campaign = rs.getLong("campaign_id");
        Long campaignId = rs.wasNull() ? null : campaign;
        java.sql.Date followUp = rs.getDate("follow_up_on");
        return new Lead(rs.getLong("id"), rs.getString("wa_id"), rs.getString("customer_name"), rs.getString("source"),
                campaignId, rs.getString("ad_headline"), rs.getString("first_message"), rs.getString("last_message"),
                rs.getInt("message_count"), rs.getString("language"), rs.getString("stage"), rs.getString("score"),
                rs.getString("owner_user"), rs.getBigDecimal("deal_value"), followUp == null ? null : followUp.toLocalDate(),
                rs.getString("outcome_notes"), rs.getString("customer_questions"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static BigDecimal money(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return new BigDecimal(value.toString().trim());
    }

    static LocalDate date(Object value) {
        return value == null || value.toString().isBlank() ? null : LocalDate.parse(value.toString().substring(0, 10));
    }
}
