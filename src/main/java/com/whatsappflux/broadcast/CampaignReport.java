package com.whatsappflux.broadcast;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.whatsappflux.system.Database;

/**
 * The numbers of a campaign, computed from the recipient rows joined to the outbox (whose status the
 * delivery webhooks move forward: sent → delivered → read, or failed).
 * <ul>
 * <li>audience: distinct valid numbers selected (including opted-out ones, which are excluded);</li>
 * <li>excluded: opted out (before or during sending) + invalid numbers + duplicates;</li>
 * <li>sent: accepted by WhatsApp; delivered/read: as reported by the status webhooks; failed: rejected
 * at send or reported failed;</li>
 * <li>replied and the tags; hotLeads (interested + price questions); reengaged; cold; converted (a hot
 * lead who was not a customer before the campaign and is one now).</li>
 * </ul>
 */
@Service
public class CampaignReport {

    private final Database db;

    public CampaignReport(Database db) {
        this.db = db;
    }

    public Map<String, Object> counts(Campaign campaign) {
        Map<String, Object> row = db.jdbc().queryForMap("""
                SELECT COUNT(*) AS audience,
                  SUM(CASE WHEN r.status = 'EXCLUDED' THEN 1 ELSE 0 END) AS excluded_opted_out,
                  SUM(CASE WHEN r.status = 'SENT' THEN 1 ELSE 0 END) AS sent,
                  SUM(CASE WHEN r.status = 'SENT' AND o.status IN ('DELIVERED', 'READ') THEN 1 ELSE 0 END) AS delivered,
                  SUM(CASE WHEN r.status = 'SENT' AND o.status = 'READ' THEN 1 ELSE 0 END) AS read_count,
                  SUM(CASE WHEN r.status = 'FAILED' OR o.status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
                  SUM(CASE WHEN r.status = 'PENDING' THEN 1 ELSE 0 END) AS pending,
                  SUM(CASE WHEN r.replied_at IS NOT NULL THEN 1 ELSE 0 END) AS replied,
                  SUM(CASE WHEN r.tag = 'interested' THEN 1 ELSE 0 END) AS interested,
                  SUM(CASE WHEN r.tag = 'price_question' THEN 1 ELSE 0 END) AS price_question,
                  SUM(CASE WHEN r.tag = 'not_interested' THEN 1 ELSE 0 END) AS not_interested,
                  SUM(CASE WHEN r.tag = 'opt_out' THEN 1 ELSE 0 END) AS opted_out,
                  SUM(CASE WHEN r.tag = 'other' THEN 1 ELSE 0 END) AS other,
                  SUM(CASE WHEN r.hot THEN 1 ELSE 0 END) AS hot_leads,
                  SUM(CASE WHEN r.reengage_status = 'SENT' THEN 1 ELSE 0 END) AS reengaged,
                  SUM(CASE WHEN r.cold THEN 1 ELSE 0 END) AS cold,
                  SUM(CASE WHEN r.hot AND NOT r.was_customer AND c.customer THEN 1 ELSE 0 END) AS converted
                FROM campaign_recipient r
                LEFT JOIN outbound_message o ON o.id = r.outbound_message_id
                LEFT JOIN contact c ON c.customer_key = r.wa_id
                WHERE r.campaign_id = ?""", campaign.id());
        Map<String, Object> cleaning = db.jdbc().queryForMap(
                "SELECT requested_count, duplicate_count, invalid_count, status FROM campaign WHERE id = ?", campaign.id());
        int invalid = n(cleaning.get("invalid_count"));
        int duplicates = n(cleaning.get("duplicate_count"));
        int optedOut = n(row.get("excluded_opted_out"));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", campaign.id());
        report.put("name", campaign.name());
        report.put("status", cleaning.get("status"));
        report.put("audience", n(row.get("audience")));
        report.put("excluded", optedOut + invalid + duplicates);
        report.put("sent", n(row.get("sent")));
        report.put("delivered", n(row.get("delivered")));
        report.put("read", n(row.get("read_count")));
        report.put("failed", n(row.get("failed")));
        report.put("replied", n(row.get("replied")));
        report.put("interested", n(row.get("interested")));
        report.put("priceQuestion", n(row.get("price_question")));
        report.put("notInterested", n(row.get("not_interested")));
        report.put("optedOut", n(row.get("opted_out")));
        report.put("other", n(row.get("other")));
        report.put("hotLeads", n(row.get("hot_leads")));
        report.put("reengaged", n(row.get("reengaged")));
        report.put("cold", n(row.get("cold")));
        report.put("converted", n(row.get("converted")));
        report.put("pending", n(row.get("pending")));
        Map<String, Object> excluded = new LinkedHashMap<>();
        excluded.put("optedOut", optedOut);
        excluded.put("invalid", invalid);
        excluded.put("duplicates", duplicates);
        report.put("excludedBreakdown", excluded);
        return report;
    }

    /** One line per recipient, for spreadsheets. */
    public String csv(Campaign campaign) {
        StringBuilder out = new StringBuilder(
                "wa_id,name,status,excluded_reason,sent_at,delivery,error_code,replied_at,tag,hot,reengaged,cold,reply_text\n");
        db.jdbc().query("""
                SELECT r.wa_id, c.name, r.status, r.excluded_reason, r.sent_at, o.status AS delivery,
                       COALESCE(o.error_code, r.error_code) AS error_code, r.replied_at, r.tag, r.hot,
                       r.reengage_status, r.cold, r.reply_text
                FROM campaign_recipient r
                LEFT JOIN outbound_message o ON o.id = r.outbound_message_id
                LEFT JOIN contact c ON c.customer_key = r.wa_id
                WHERE r.campaign_id = ? ORDER BY r.id""", rs -> {
            out.append(cell(rs.getString("wa_id"))).append(',').append(cell(rs.getString("name"))).append(',')
                    .append(cell(rs.getString("status"))).append(',').append(cell(rs.getString("excluded_reason"))).append(',')
                    .append(cell(time(rs.getTimestamp("sent_at")))).append(',').append(cell(rs.getString("delivery"))).append(',')
                    .append(cell(rs.getString("error_code"))).append(',').append(cell(time(rs.getTimestamp("replied_at"))))
                    .append(',').append(cell(rs.getString("tag"))).append(',').append(rs.getBoolean("hot")).append(',')
                    .append("SENT".equals(rs.getString("reengage_status"))).append(',').append(rs.getBoolean("cold"))
                    .append(',').append(cell(rs.getString("reply_text"))).append('\n');
        }, campaign.id());
        return out.toString();
    }

    private static String time(Timestamp ts) {
        return ts == null ? null : ts.toInstant().toString();
    }

    /** RFC 4180 quoting; a leading =,+,-,@ is neutralised so a spreadsheet never runs a customer's text as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static int n(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
