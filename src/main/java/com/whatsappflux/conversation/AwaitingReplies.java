package com.whatsappflux.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Repository;

import com.whatsappflux.system.Database;

/**
 * Which running workflow waits for which customer's answer. Indexed by customer, so finding the waiting
 * instance costs the same with 50 or 50,000 waiting instances.
 */
@Repository
public class AwaitingReplies {

    public static final String CUSTOMER_REPLIED = "customerReplied";

    private final Database db;

    public AwaitingReplies(Database db) {
        this.db = db;
    }

    public record Awaiting(long id, String customerKey, String processInstanceId, String messageName, String topic,
                           Long outboundMessageId, Instant askedAt) {
    }

    public void register(String customerKey, String processInstanceId, String messageName, String topic,
                         Long outboundMessageId, Instant askedAt) {
        db.jdbc().update("DELETE FROM awaiting_reply WHERE process_instance_id = ? AND message_name = ?",
                processInstanceId, messageName);
        db.jdbc().update("INSERT INTO awaiting_reply (customer_key, process_instance_id, message_name, topic, "
                + "outbound_message_id, asked_at) VALUES (?, ?, ?, ?, ?, ?)",
                customerKey, processInstanceId, messageName, topic, outboundMessageId, Timestamp.from(askedAt));
        WaitsRegisteredInTransaction.record(processInstanceId);
    }

    /** The instance that most recently asked this customer something and still waits. */
    public Optional<Awaiting> latestFor(String customerKey) {
        return db.jdbc().query("SELECT id, customer_key, process_instance_id, message_name, topic, outbound_message_id, asked_at "
                + "FROM awaiting_reply WHERE customer_key = ? ORDER BY asked_at DESC, id DESC", (rs, i) -> map(rs),
                customerKey).stream().findFirst();
    }

    public Optional<Awaiting> forInstance(String customerKey, String processInstanceId) {
        return db.jdbc().query("SELECT id, customer_key, process_instance_id, message_name, topic, outbound_message_id, asked_at "
                + "FROM awaiting_reply WHERE customer_key = ? AND process_instance_id = ? ORDER BY asked_at DESC",
                (rs, i) -> map(rs), customerKey, processInstanceId).stream().findFirst();
    }

    public void remove(long id) {
        db.jdbc().update("DELETE FROM awaiting_reply WHERE id = ?", id);
    }

    public void removeInstance(String processInstanceId) {
        db.jdbc().update("DELETE FROM awaiting_reply WHERE process_instance_id = ?", processInstanceId);
    }

    /** True only when a transaction is active and the instance registered no wait in it. */
    public boolean registeredNothingInThisTransaction(String processInstanceId) {
        return WaitsRegisteredInTransaction.surelyNone(processInstanceId);
    }

    private static Awaiting map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long outbound = rs.getLong("outbound_message_id");
        boolean noOutbound = rs.wasNull();
        return new Awaiting(rs.getLong("id"), rs.getString("customer_key"), rs.getString("process_instance_id"),
                rs.getString("message_name"), rs.getString("topic"), noOutbound ? null : outbound,
                rs.getTimestamp("asked_at").toInstant());
    }
}
