package com.whatsappflux.whatsapp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Repository;

import com.whatsappflux.system.Database;

/** The outbox table. Every state change is its own short transaction (see {@link WhatsAppSender}). */
@Repository
public class OutboxRepository {

    private static final String ACCEPTED = "UPDATE outbound_message SET status = 'ACCEPTED', wamid = ?, error_code = NULL, "
            + "error_message = NULL, updated_at = ? WHERE id = ? AND status IN ('PENDING', 'SENDING', 'FAILED')";
    private static final String COLUMNS = "id, idempotency_key, phone_number_id, customer_key, type, summary, request_json, "
            + "status, wamid, attempts, error_code, error_message, process_instance_id, business_key, created_at";

    /** What every send carries as {@code biz_opaque_callback_data}, echoed by Meta in its statuses. */
    private static final Pattern CALLBACK = Pattern.compile("out=([0-9]{1,18})");

    private final Database db;

    public OutboxRepository(Database db) {
        this.db = db;
    }

    /** Records the message unless this idempotency key was recorded before; answers the row either way. */
    OutboundMessage recordIfAbsent(String key, String phoneNumberId, String customerKey, String toWaId, String type,
                                   String summary, String requestJson, String processInstanceId, String businessKey,
                                   Instant now) {
        String insert = """
                INSERT INTO outbound_message (idempotency_key, phone_number_id, customer_key, to_wa_id, type, summary,
                    request_json, status, process_instance_id, business_key, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)""";
        // on PostgreSQL the new row comes back with the insert: one round trip less on every first send
        return db.insertIfAbsentReturning(insert, COLUMNS, this::map, key, phoneNumberId, customerKey, toWaId, type,
                        summary, requestJson, processInstanceId, businessKey, Timestamp.from(now), Timestamp.from(now))
                .or(() -> findByKey(key)).orElseThrow();
    }

    /** Short and stable for the row, so a resend carries the same value as the first attempt. */
    static String callbackData(long id) {
        return "out=" + id;
    }

    static Optional<Long> idFromCallbackData(String callbackData) {
        Matcher m = callbackData == null ? null : CALLBACK.matcher(callbackData);
        return m != null && m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** Keeps the exact body of this attempt (it carries the callback data, unknown before the row existed). */
    void markSending(long id, String requestJson, Instant now) {
        db.jdbc().update("UPDATE outbound_message SET status = 'SENDING', request_json = ?, attempts = attempts + 1, "
                + "updated_at = ? WHERE id = ? AND status IN ('PENDING', 'SENDING', 'FAILED')", requestJson, Timestamp.from(now), id);
    }

    /**
     * The request may have reached Meta but no answer came: the row stays SENDING without a wamid until a status
     * webhook echoing its callback data attaches one ({@link #attachEchoedWamid}) or the job's retry sends again.
     */
    void markInDoubt(long id, String message, Instant now) {
        db.jdbc().update("UPDATE outbound_message SET status = 'SENDING', error_code = NULL, error_message = ?, updated_at = ? "
                + "WHERE id = ? AND wamid IS NULL AND status IN ('PENDING', 'SENDING')", truncate("in doubt: " + message),
                Timestamp.from(now), id);
    }

    /**
     * A status echoed our callback data for a row that never got its wamid (timeout, crash after the call): Meta
     * accepted it after all. Answers whether the row was updated.
     */
    boolean attachEchoedWamid(long id, String wamid, Instant now) {
        return db.jdbc().update("UPDATE outbound_message SET status = 'ACCEPTED', wamid = ?, error_code = NULL, "
                + "error_message = NULL, updated_at = ? WHERE id = ? AND wamid IS NULL AND status IN ('PENDING', 'SENDING')",
                wamid, Timestamp.from(now), id) == 1;
    }

    void markAccepted(long id, String wamid, Instant now) {
        db.jdbc().update(ACCEPTED, wamid, Timestamp.from(now), id);
    }

    /** {@link #markAccepted} answering the row as it is now (a status webhook may have moved it on already). */
    OutboundMessage markAcceptedAndGet(long id, String wamid, Instant now) {
        return db.updateReturning(ACCEPTED, COLUMNS, this::map, wamid, Timestamp.from(now), id)
                .or(() -> findById(id)).orElseThrow();
    }

    // failure markers never overwrite a row a status webhook has meanwhile shown accepted
    void markFailed(long id, Integer code, String message, Instant now) {
        db.jdbc().update("UPDATE outbound_message SET status = 'FAILED', error_code = ?, error_message = ?, updated_at = ? "
                + "WHERE id = ? AND status IN ('PENDING', 'SENDING', 'FAILED')", code, truncate(message), Timestamp.from(now), id);
    }

    void markRetryPending(long id, Integer code, String message, Instant now) {
        db.jdbc().update("UPDATE outbound_message SET status = 'PENDING', error_code = ?, error_message = ?, updated_at = ? "
                + "WHERE id = ? AND status IN ('PENDING', 'SENDING', 'FAILED')", code, truncate(message), Timestamp.from(now), id);
    }

    public Optional<OutboundMessage> findByKey(String key) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM outbound_message WHERE idempotency_key = ?", this::map, key)
                .stream().findFirst();
    }

    public Optional<OutboundMessage> findByWamid(String wamid) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM outbound_message WHERE wamid = ?", this::map, wamid)
                .stream().findFirst();
    }

    public Optional<OutboundMessage> findById(long id) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM outbound_message WHERE id = ?", this::map, id)
                .stream().findFirst();
    }

    /** Oldest first, as the customer saw them. */
    public List<OutboundMessage> findByCustomer(String customerKey) {
        return db.jdbc().query("SELECT " + COLUMNS + " FROM outbound_message WHERE customer_key = ? ORDER BY id",
                this::map, customerKey);
    }

    private OutboundMessage map(ResultSet rs, int row) throws SQLException {
        return new OutboundMessage(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("phone_number_id"),
                rs.getString("customer_key"), rs.getString("type"), rs.getString("summary"), rs.getString("request_json"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getString("wamid"), rs.getInt("attempts"),
                (Integer) rs.getObject("error_code"), rs.getString("error_message"), rs.getString("process_instance_id"),
                rs.getString("business_key"), rs.getTimestamp("created_at").toInstant());
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
