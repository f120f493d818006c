package com.whatsappflux.broadcast;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;

import com.whatsappflux.crm.ContactService;
import com.whatsappflux.system.Database;

/** What a tagged campaign reply does to the recipient row, the contact and the sales pipeline. */
@Service
public class CampaignResponses {

    /** lead-capture's "the customer wrote again" message (as message-intake uses it). */
    static final String LEAD_WROTE_AGAIN = "leadCustomerWroteAgain";
    public static final Set<String> HOT_TAGS = Set.of("interested", "price_question");

    private final Database db;
    private final ContactService contacts;
    private final RuntimeService runtimeService;
    private final MeterRegistry meters;

    public CampaignResponses(Database db, ContactService contacts, RuntimeService runtimeService, MeterRegistry meters) {
        this.db = db;
        this.contacts = contacts;
        this.runtimeService = runtimeService;
        this.meters = meters;
    }

    /** Stores the tag (a later, clearer answer replaces an earlier one); answers whether the reply is hot. */
    public boolean recordTag(long recipientId, String waId, long campaignId, String tag) {
        boolean hot = HOT_TAGS.contains(tag);
        db.jdbc().update("UPDATE campaign_recipient SET tag = ?, hot = CASE WHEN hot THEN TRUE ELSE ? END WHERE id = ?",
                tag, hot, recipientId);
        contacts.addTag(waId, "campaign-" + campaignId + ":" + tag);
        meters.counter("flux.broadcast.responses", "tag", tag).increment();
        return hot;
    }

    /** Hands a hot reply to {@code lead-capture} (business key = waId, leadSource = campaign). */
    public String startLeadCapture(long recipientId, Map<String, Object> variables) {
        String waId = (String) variables.get(BroadcastProcess.WA_ID);
        // a lead conversation already running for this customer takes the message instead of a second lead
        var running = runtimeService.createMessageCorrelation(LEAD_WROTE_AGAIN).processInstanceBusinessKey(waId)
                .setVariables(variables).correlateAllWithResult();
        if (!running.isEmpty()) {
            String existing = running.get(0).getExecution().getProcessInstanceId();
            db.jdbc().update("UPDATE campaign_recipient SET follow_up_instance_id = ? WHERE id = ?", existing, recipientId);
            return existing;
        }
        String instanceId = runtimeService.createProcessInstanceByKey(BroadcastProcess.LEAD_CAPTURE_KEY)
                .businessKey(waId).setVariables(variables).execute().getProcessInstanceId();
        db.jdbc().update("UPDATE campaign_recipient SET follow_up_instance_id = ? WHERE id = ?", instanceId, recipientId);
        meters.counter("flux.broadcast.hot_leads", "route", "lead-capture").increment();
        return instanceId;
    }

    /** A reply that is not about the campaign (a support question, say) goes through the normal intake. */
    public String passToIntake(Map<String, Object> variables) {
        return runtimeService.createProcessInstanceByKey("message-intake")
                .businessKey((String) variables.get(BroadcastProcess.WA_ID)).setVariables(variables).execute()
                .getProcessInstanceId();
    }

    /** Opts the contact out of all marketing; answers whether this is news (confirm only once). */
    public boolean optOut(String waId) {
        return contacts.optOut(waId, "campaign");
    }
}
