package com.whatsappflux.conversation;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;
import com.whatsappflux.whatsapp.CustomerMediaController;
import com.whatsappflux.whatsapp.InboundType;

/** The conversation with one customer, both directions, as staff read it in Tasklist forms. */
@Service
public class TranscriptService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final Database db;
    private final BusinessClock clock;

    public TranscriptService(Database db, BusinessClock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Line(java.time.Instant at, String who, String text) {
    }

    /** The latest {@code limit} lines, oldest first. */
    public List<Line> lines(String customerKey, int limit) {
        List<Line> lines = db.jdbc().query("""
                SELECT at, who, type, text, seq FROM (
                    SELECT sent_at AS at, 'Customer' AS who, type, text, id AS seq, 0 AS dir
                      FROM inbound_message WHERE customer_key = ?
                    UNION ALL
                    SELECT created_at AS at, 'Business' AS who, NULL AS type, summary AS text, id AS seq, 1 AS dir
                      FROM outbound_message WHERE customer_key = ? AND type <> 'reaction'
                ) t ORDER BY at DESC, dir DESC, seq DESC""",
                (rs, i) -> new Line(rs.getTimestamp("at").toInstant(), rs.getString("who"),
                        customerText(rs.getString("type"), rs.getString("text"), rs.getLong("seq"))),
                customerKey, customerKey);
        List<Line> latest = new java.util.ArrayList<>(lines.subList(0, Math.min(limit, lines.size())));
        java.util.Collections.reverse(latest);
        return latest;
    }

    /**
     * What the customer sent, as staff read it: a photo, voice note or document says so and where to open it
     * (fetched from WhatsApp on demand, see CustomerMediaController), with its caption.
     */
    static String customerText(String type, String text, long messageId) {
        if (type == null) {
            return text; // ours
        }
        if (InboundType.fromCode(type).isMedia()) {
            String label = "[" + mediaLabel(type) + ": " + CustomerMediaController.pathFor(messageId) + "]";
            return text == null || text.isBlank() ? label : label + " " + text;
        }
        return text == null ? "[" + type + "]" : text;
    }

    private static String mediaLabel(String type) {
        return switch (type) {
            case "image" -> "photo";
            case "audio" -> "voice note or audio";
            default -> type;
        };
    }

    public String asText(String customerKey, int limit) {
        StringBuilder text = new StringBuilder();
        for (Line line : lines(customerKey, limit)) {
            text.append(line.at().atZone(clock.zone()).format(TIME)).append(" · ").append(line.who()).append(": ")
                    .append(line.text() == null ? "" : line.text().replace('\n', ' ')).append('\n');
        }
        return text.toString();
    }
}
