package com.whatsappflux.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** An inbox row as the dispatcher reads it. */
public record StoredInbound(long id, String wamid, String phoneNumberId, String customerKey, String waId, String userId,
                            String profileName, String type, String text, String contextId, String messageJson,
                            Instant sentAt, int attempts) {

    static StoredInbound map(ResultSet rs, int row) throws SQLException {
        return new StoredInbound(rs.getLong("id"), rs.getString("wamid"), rs.getString("phone_number_id"),
                rs.getString("customer_key"), rs.getString("wa_id"), rs.getString("user_id"), rs.getString("profile_name"),
                rs.getString("type"), rs.getString("text"), rs.getString("context_id"), rs.getString("message_json"),
                rs.getTimestamp("sent_at").toInstant(), rs.getInt("attempts"));
    }
}
