package com.whatsappflux.broadcast;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.whatsappflux.broadcast.Campaign.TemplateSpec;
import com.whatsappflux.crm.ContactService;
import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;
import com.whatsappflux.whatsapp.InvalidMessageException;
import com.whatsappflux.whatsapp.OutboundContent;

/** Creating a campaign, preparing its audience, and the bookkeeping between the send phases. */
@Service
public class CampaignService {

    static final Set<String> BUTTON_ACTIONS = Set.of("INTERESTED", "PRICE", "NOT_INTERESTED", "STOP");

    private final CampaignRepository campaigns;
    private final ContactService contacts;
    private final Database db;
    private final BusinessClock clock;
    private final BroadcastSettings settings;
    private final RuntimeService runtimeService;
    private final ObjectMapper json = new ObjectMapper();

    public CampaignService(CampaignRepository campaigns, ContactService contacts, Database db, BusinessClock clock,
                           BroadcastSettings settings, RuntimeService runtimeService) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.runtimeService = runtimeService;
    }

    /** Checks and stores a campaign (nothing is sent yet); answers its id. */
    public long register(CampaignRequest request, String createdBy) {
        require(request.name() != null && !request.name().isBlank(), "name is required");
        TemplateSpec template = template(request.template(), "template");
        TemplateSpec reengage = request.reengageTemplate() == null || blank(request.reengageTemplate().name()) ? null
                : template(request.reengageTemplate(), "reengageTemplate");
        Map<String, Object> audience = audience(request);
        String route = blank(request.hotLeadRoute()) ? Campaign.ROUTE_LEAD_CAPTURE : request.hotLeadRoute().trim();
        require(Campaign.ROUTE_LEAD_CAPTURE.equals(route) || Campaign.ROUTE_SALES.equals(route),
                "hotLeadRoute must be lead-capture or sales");
        String window = duration(request.responseWindow(), settings.getResponseWindow(), "responseWindow");
        String delay = duration(request.reengageAfter(), settings.getReengageDelay(), "reengageAfter");
        try {
            return campaigns.insert(request.name().trim(), template, reengage, json.writeValueAsString(audience), route,
                    window, delay, request.startAt(), createdBy, clock.now());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers and starts in one transaction: no campaign row without its process instance. */
    @Transactional
    public Map<String, Object> create(CampaignRequest request, String createdBy) {
        long id = register(request, createdBy);
        return Map.of("id", id, "processInstanceId", start(id));
    }

    /** Starts {@code broadcast-follow-up} for a registered campaign (business key campaign-&lt;id&gt;). */
    public String start(long campaignId) {
        Campaign campaign = require(campaignId);
        String instanceId = runtimeService.createProcessInstanceByKey(BroadcastProcess.KEY)
                .businessKey(campaign.businessKey())
                .setVariables(processVariables(campaign))
                .execute().getProcessInstanceId();
        campaigns.setProcessInstance(campaignId, instanceId);
        return instanceId;
    }

    /** What the campaign instance needs for its gateways and timers: ids and durations, nothing per recipient. */
    public Map<String, Object> processVariables(Campaign campaign) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(BroadcastProcess.CAMPAIGN_ID, campaign.id());
        variables.put(BroadcastProcess.START_AT, campaign.startAt() == null ? null : Date.from(campaign.startAt()));
        variables.put(BroadcastProcess.REENGAGE_DELAY, campaign.reengageDelay());
        variables.put(BroadcastProcess.RESPONSE_WINDOW, campaign.responseWindow());
        variables.put(BroadcastProcess.REENGAGE_PLANNED, campaign.reengageTemplate() != null);
        variables.put(BroadcastProcess.HOT_LEAD_ROUTE, campaign.hotLeadRoute());
        return variables;
    }

    public Campaign require(long campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
    }

    public void attachProcessInstance(long campaignId, String processInstanceId) {
        campaigns.setProcessInstance(campaignId, processInstanceId);
    }

    /**
     * One row per recipient: tagged contacts plus listed/uploaded numbers, cleaned (invalid and duplicate
     * numbers removed and counted), opted-out contacts kept as EXCLUDED so the report shows them. Runs in
     * the job's transaction: a failure leaves nothing half-prepared. Answers the audience size.
     */
    @Transactional
    public int prepareAudience(long campaignId) {
        Campaign campaign = require(campaignId);
        if (!"CREATED".equals(campaign.status())) {
            return campaigns.countRecipients(campaignId); // prepared before (a retried job)
        }
        Map<String, Object> audience = readAudience(campaign);
        Set<String> numbers = new LinkedHashSet<>();
        int requested = 0;
        int duplicates = 0;
        int invalid = 0;
        List<String> raw = new ArrayList<>();
        raw.addAll(strings(audience.get("waIds")));
        raw.addAll(AudienceNumbers.fromCsv((String) audience.get("csv")));
        for (String cell : raw) {
            requested++;
            String waId = AudienceNumbers.normalise(cell);
            if (waId == null) {
                invalid++;
            } else if (!numbers.add(waId)) {
                duplicates++;
            }
        }
        for (String waId : numbers) {
            contacts.ensure(waId, null); // a listed number the business knows from elsewhere
        }
        List<String> tags = strings(audience.get("tags"));
        if (!tags.isEmpty()) {
            String in = String.join(",", tags.stream().map(t -> "?").toList());
            List<String> tagged = db.jdbc().queryForList("SELECT DISTINCT c.customer_key FROM contact c JOIN contact_tag t "
                    + "ON t.contact_id = c.id WHERE c.wa_id IS NOT NULL AND t.tag IN (" + in + ")", String.class, tags.toArray());
            requested += tagged.size();
            for (String waId : tagged) {
                if (!numbers.add(waId)) {
                    duplicates++;
                }
            }
        }
        List<Object[]> rows = new ArrayList<>(numbers.size());
        for (String waId : numbers) {
            rows.add(new Object[] {campaignId, waId});
        }
        db.jdbc().batchUpdate("""
                INSERT INTO campaign_recipient (campaign_id, wa_id, status, excluded_reason, was_customer)
                SELECT CAST(? AS BIGINT), c.customer_key, CASE WHEN c.opted_out THEN 'EXCLUDED' ELSE 'PENDING' END,
                       CASE WHEN c.opted_out THEN 'opted_out' ELSE NULL END, c.customer
                FROM contact c WHERE c.customer_key = ?""", rows);
        campaigns.setAudienceCounts(campaignId, requested, duplicates, invalid);
        return numbers.size();
    }

    /** Marks who gets the re-engagement template: sent to, not failed, not replied. Answers how many. */
    public int selectNonResponders(long campaignId) {
        campaigns.setStatus(campaignId, "REENGAGING");
        db.jdbc().update("""
                UPDATE campaign_recipient SET reengage_status = 'PENDING'
                WHERE campaign_id = ? AND status = 'SENT' AND replied_at IS NULL AND reengage_status IS NULL
                  AND NOT EXISTS (SELECT 1 FROM outbound_message o WHERE o.id = campaign_recipient.outbound_message_id
                                  AND o.status = 'FAILED')""", campaignId);
        return campaigns.count("SELECT COUNT(*) FROM campaign_recipient WHERE campaign_id = ? AND reengage_status = 'PENDING'",
                campaignId);
    }

    /** After the last window: whoever never answered is cold. Answers how many. */
    public int markNonRespondersCold(long campaignId) {
        int cold = db.jdbc().update("UPDATE campaign_recipient SET cold = TRUE WHERE campaign_id = ? AND status = 'SENT' "
                + "AND replied_at IS NULL", campaignId);
        campaigns.complete(campaignId, clock.now());
        return cold;
    }

    private TemplateSpec template(CampaignRequest.Template t, String field) {
        require(t != null && !blank(t.name()), field + ".name is required");
        String language = blank(t.language()) ? "en" : t.language().trim();
        List<String> params = t.bodyParameters() == null ? List.of() : t.bodyParameters();
        List<String> actions = new ArrayList<>();
        for (String a : t.quickReplies() == null ? List.<String>of() : t.quickReplies()) {
            String action = a.trim().toUpperCase(Locale.ROOT);
            require(BUTTON_ACTIONS.contains(action), field + ".quickReplies: unknown action '" + a + "' (use "
                    + String.join(", ", BUTTON_ACTIONS) + ")");
            actions.add(action);
        }
        try {
            OutboundContent.template(t.name().trim(), language, params, actions); // WhatsApp's rules, checked now
        } catch (InvalidMessageException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
        return new TemplateSpec(t.name().trim(), language, params, actions);
    }

    private static Map<String, Object> audience(CampaignRequest request) {
        Map<String, Object> audience = new HashMap<>();
        CampaignRequest.Audience a = request.audience();
        List<String> tags = a == null || a.tags() == null ? List.of() : a.tags();
        List<String> waIds = a == null || a.waIds() == null ? List.of() : a.waIds();
        String csv = a != null && !blank(a.csv()) ? a.csv() : request.csv();
        require(!tags.isEmpty() || !waIds.isEmpty() || !blank(csv), "audience needs tags, waIds or csv");
        audience.put("tags", tags);
        audience.put("waIds", waIds);
        if (!blank(csv)) {
            audience.put("csv", csv);
        }
        return audience;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readAudience(Campaign campaign) {
        try {
            return json.readValue(campaign.audienceJson(), Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign " + campaign.id() + " has an unreadable audience", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    private static String duration(String value, String fallback, String field) {
        String v = blank(value) ? fallback : value.trim();
        try {
            Duration.parse(v);
            return v;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 duration such as P2D or PT12H");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Thrown for an unknown campaign id (404). */
    public static class CampaignNotFoundException extends RuntimeException {
        CampaignNotFoundException(long id) {
            super("No campaign " + id);
        }
    }
}
