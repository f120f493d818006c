package com.whatsappflux.broadcast;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/campaigns} (and what the Tasklist start form collects):
 * <pre>
 * {"name":"Diwali", "template":{"name":"diwali_offer","language":"en","bodyParameters":["20%"],
 *   "quickReplies":["INTERESTED","PRICE","NOT_INTERESTED","STOP"]},
 *  "audience":{"tags":["diwali-2025"]} | {"waIds":["9198…"]} | {"csv":"phone\n9198…"},
 *  "csv":"…" (same as audience.csv), "startAt":null,
 *  "reengageTemplate":{"name":"diwali_reminder","language":"en"}, "reengageAfter":"P2D",
 *  "responseWindow":"P3D", "hotLeadRoute":"lead-capture" | "sales"}
 * </pre>
 * {@code quickReplies} name the actions of the template's quick-reply buttons in order (INTERESTED, PRICE,
 * NOT_INTERESTED, STOP); we send them as payloads {@code CAMPAIGN_<id>_<action>} so taps are attributed exactly.
 */
public record CampaignRequest(
        String name,
        Template template,
        Audience audience,
        String csv,
        Instant startAt,
        Template reengageTemplate,
        String reengageAfter,
        String responseWindow,
        String hotLeadRoute) {

    public record Template(String name, String language, List<String> bodyParameters, List<String> quickReplies) {
    }

    public record Audience(List<String> tags, List<String> waIds, String csv) {
    }
}
