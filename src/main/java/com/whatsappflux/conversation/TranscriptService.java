package com.whatsappflux.conversation;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;

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
                SELECT at, who, text FROM (
                    SELECT sent_at AS at, 'Customer' AS who, COALESCE(text, '[' || type || ']') AS text, id AS seq, 0 AS dir
                      FROM inbound_message WHERE customer_key = ?
                    UNION ALL
                    SELECT created_at AS at, 'Business' AS who, summary AS text, id AS seq, 1 AS dir
                      FROM outbound_message WHERE customer_key = ? AND type <> 'reaction'
                ) t ORDER BY at DESC, dir DESC, seq DESC""",
                (rs, i) -> new Line(rs.getTimestamp("at").toInstant(), rs.getString("who"), rs.getString("text")),
                customerKey, customerKey);
        List<Line> latest = new java.util.ArrayList<>(lines.subList(0, Math.min(limit, lines.size())));
        java.util.Collections.reverse(latest);
        return latest;
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
