package com.whatsappflux.broadcast;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Repository;

import com.whatsappflux.broadcast.Campaign.TemplateSpec;
import com.whatsappflux.system.Database;

/** The campaign and campaign_recipient tables. */
@Repository
class CampaignRepository {

    private static final String COLUMNS = "id, name, template_name, template_language, body_parameters, quick_replies, "
            + "reengage_template_name, reengage_language, reengage_parameters, reengage_quick_replies, audience_json, "
            + "hot_lead_route, response_window, reengage_delay, start_at, status, process_instance_id, created_by";

    private final Database db;
    private final ObjectMapper json = new ObjectMapper();

    CampaignRepository(Database db) {
        this.db = db;
    }

    /** A recipient row, as far as the send loop and reply attribution need it. */
    record Recipient(long id, long campaignId, String waId, String status, Instant sentAt, Instant reengagedAt,
                     Instant repliedAt) {
    }

    long insert(String name, TemplateSpec template, TemplateSpec reengage, String audienceJson, String hotLeadRoute,
                String responseWindow, String reengageDelay, Instant startAt, String createdBy, Instant now) {
        return db.insertReturningId("""
                INSERT INTO campaign (name, template_name, template_language, body_parameters, quick_replies,
                    reengage_template_name, reengage_language, reengage_parameters, reengage_quick_replies, audience_json,
                    hot_lead_route, response_window, reengage_delay, start_at, status, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', ?, ?)""",
                name, template.name(), template.language(), toJson(template.bodyParameters()),
                String.join(",", template.quickReplies()),
                reengage == null ? null : reengage.name(), reengage == null ? null : reengage.language(),
                reengage == null ? null : toJson(reengage.bodyParameters()),
                reengage == null ? null : String.join(",", reengage.quickReplies()),
                audienceJson, hotLeadRoute, responseWindow, reengageDelay, startAt == null ? null : Timestamp.from(startAt),
                createdBy, Timestamp.from(now));
    }

    Optional<Campaign> find(long id) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM campaign WHERE id = ?", this::map, id).stream().findFirst();
    }

    void setProcessInstance(long id, String processInstanceId) {
        db.jdbc().update("UPDATE campaign SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
    }

    void setStatus(long id, String status) {
        db.jdbc().update("UPDATE campaign SET status = ? WHERE id = ?", status, id);
    }

    void complete(long id, Instant now) {
        db.jdbc().update("UPDATE campaign SET status = 'COMPLETED', completed_at = ? WHERE id = ?", Timestamp.from(now), id);
    }

    void setAudienceCounts(long id, int requested, int duplicates, int invalid) {
        db.jdbc().update("UPDATE campaign SET requested_count = ?, duplicate_count = ?, invalid_count = ?, status = 'PREPARED' "
                + "WHERE id = ?", requested, duplicates, invalid, id);
    }

    int countRecipients(long campaignId) {
        return count("SELECT COUNT(*) FROM campaign_recipient WHERE campaign_id = ?", campaignId);
    }

    int count(String sql, Object... args) {
        Integer n = db.jdbc().queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    /** The recipient of this campaign with this number. */
    Optional<Recipient> recipient(long campaignId, String waId) {
        return db.jdbc().query("SELECT id, campaign_id, wa_id, status, sent_at, reengaged_at, replied_at FROM campaign_recipient "
                + "WHERE campaign_id = ? AND wa_id = ?", this::mapRecipient, campaignId, waId).stream().findFirst();
    }

    /** The recipient whose campaign message (first or re-engagement) has this WhatsApp message id. */
    Optional<Recipient> recipientByWamid(String wamid) {
        return db.jdbc().query("""
                SELECT r.id, r.campaign_id, r.wa_id, r.status, r.sent_at, r.reengaged_at, r.replied_at
                FROM outbound_message o JOIN campaign_recipient r
                  ON r.outbound_message_id = o.id OR r.reengage_outbound_message_id = o.id
                WHERE o.wamid = ?""", this::mapRecipient, wamid).stream().findFirst();
    }

    /** This customer's most recent campaign message. */
    Optional<Recipient> latestRecipient(String waId) {
        return db.jdbc().query("SELECT id, campaign_id, wa_id, status, sent_at, reengaged_at, replied_at FROM campaign_recipient "
                + "WHERE wa_id = ? AND status = 'SENT' ORDER BY sent_at DESC, id DESC", this::mapRecipient, waId)
                .stream().findFirst();
    }

    private Recipient mapRecipient(ResultSet rs, int row) throws SQLException {
        return new Recipient(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("wa_id"), rs.getString("status"),
                instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("reengaged_at")),
                instant(rs.getTimestamp("replied_at")));
    }

    private Campaign map(ResultSet rs, int row) throws SQLException {
        TemplateSpec template = new TemplateSpec(rs.getString("template_name"), rs.getString("template_language"),
                fromJson(rs.getString("body_parameters")), csv(rs.getString("quick_replies")));
        TemplateSpec reengage = rs.getString("reengage_template_name") == null ? null
                : new TemplateSpec(rs.getString("reengage_template_name"), rs.getString("reengage_language"),
                        fromJson(rs.getString("reengage_parameters")), csv(rs.getString("reengage_quick_replies")));
        return new Campaign(rs.getLong("id"), rs.getString("name"), template, reengage, rs.getString("audience_json"),
                rs.getString("hot_lead_route"), rs.getString("response_window"), rs.getString("reengage_delay"),
                instant(rs.getTimestamp("start_at")), rs.getString("status"), rs.getString("process_instance_id"),
                rs.getString("created_by"));
    }

    private static List<String> csv(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> fromJson(String value) {
        try {
            return value == null ? List.of() : json.readValue(value, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign parameters are not a JSON array: " + value, e);
        }
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
