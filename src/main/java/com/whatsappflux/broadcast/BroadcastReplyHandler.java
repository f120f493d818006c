package com.whatsappflux.broadcast;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import com.whatsappflux.broadcast.CampaignRepository.Recipient;
import com.whatsappflux.conversation.CampaignReplyHandler;
import com.whatsappflux.crm.ContactService;
import com.whatsappflux.intent.Classification;
import com.whatsappflux.intent.IntentClassifier;
import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;
import com.whatsappflux.whatsapp.InboundMessage;
import com.whatsappflux.whatsapp.InboundType;

/**
 * Claims replies to campaigns for the broadcast feature. Attribution, strongest signal first: our
 * quick-reply payload {@code CAMPAIGN_<id>_<action>}, the quoted campaign message ({@code context.id}),
 * else the contact's most recent campaign — for free text only, only the first answer, only inside the
 * campaign's response window and only if no other workflow asked this customer something since (that
 * workflow's question is what they are answering). A claimed reply is recorded on the recipient row and
 * starts one short {@code broadcast-response} instance that tags and routes it.
 */
@Component
public class BroadcastReplyHandler implements CampaignReplyHandler {

    private static final Logger log = LoggerFactory.getLogger(BroadcastReplyHandler.class);

    private final CampaignRepository campaigns;
    private final ContactService contacts;
    private final IntentClassifier classifier;
    private final RuntimeService runtimeService;
    private final Database db;
    private final BusinessClock clock;
    private final MeterRegistry meters;

    public BroadcastReplyHandler(CampaignRepository campaigns, ContactService contacts, IntentClassifier classifier,
                                 RuntimeService runtimeService, Database db, BusinessClock clock, MeterRegistry meters) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.classifier = classifier;
        this.runtimeService = runtimeService;
        this.db = db;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public boolean handle(InboundMessage message) {
        String waId = message.customerKey();
        if (waId == null) {
            return false;
        }
        String payload = message.reply() == null ? null : message.reply().id();
        String action = null;
        Optional<Recipient> recipient = Optional.empty();
        boolean explicit = false; // the customer tapped or quoted a campaign message
        if (payload != null && payload.startsWith(BroadcastProcess.PAYLOAD_PREFIX)) {
            String[] parts = payload.split("_", 3);
            if (parts.length == 3 && parts[1].matches("\\d+")) {
                recipient = campaigns.recipient(Long.parseLong(parts[1]), waId);
                action = parts[2];
                explicit = recipient.isPresent();
            }
        }
        if (recipient.isEmpty() && message.context() != null && message.context().id() != null) {
            recipient = campaigns.recipientByWamid(message.context().id()).filter(r -> waId.equals(r.waId()));
            explicit = recipient.isPresent();
        }
        if (recipient.isEmpty() && message.type() == InboundType.TEXT) {
            recipient = campaigns.latestRecipient(waId)
                    .filter(r -> r.repliedAt() == null)
                    .filter(r -> !askedSince(waId, lastMessageAt(r)));
        }
        if (recipient.isEmpty()) {
            return false;
        }
        Recipient r = recipient.get();
        Campaign campaign = campaigns.find(r.campaignId()).orElseThrow();
        Instant now = clock.now();
        if (lastMessageAt(r) == null || now.isAfter(lastMessageAt(r).plus(campaign.responseWindowDuration()))) {
            return false; // too late to be about this campaign: ordinary routing
        }
        if (!explicit && r.repliedAt() != null) {
            return false;
        }
        recordReply(r, message.text(), now);
        startResponse(campaign, r, message, action);
        meters.counter("flux.broadcast.replies").increment();
        return true;
    }

    private void recordReply(Recipient r, String text, Instant now) {
        String t = text == null ? null : text.length() > 1000 ? text.substring(0, 1000) : text;
        db.jdbc().update("UPDATE campaign_recipient SET replied_at = COALESCE(replied_at, ?), reply_text = ?, "
                + "reply_count = reply_count + 1, cold = FALSE WHERE id = ?", Timestamp.from(now), t, r.id());
    }

    private void startResponse(Campaign campaign, Recipient r, InboundMessage message, String action) {
        String text = message.text();
        Classification c = text == null || text.isBlank() || action != null ? null : classifier.classify(text);
        Map<String, Object> variables = new HashMap<>();
        variables.put(BroadcastProcess.WA_ID, r.waId());
        variables.put(BroadcastProcess.LANGUAGE, contacts.find(r.waId()).map(x -> x.language())
                .orElse(c == null ? null : c.language()));
        variables.put(BroadcastProcess.CAMPAIGN_ID, campaign.id());
        variables.put(BroadcastProcess.CAMPAIGN_NAME, campaign.name());
        variables.put(BroadcastProcess.RECIPIENT_ID, r.id());
        variables.put(BroadcastProcess.HOT_LEAD_ROUTE, campaign.hotLeadRoute());
        variables.put(BroadcastProcess.MESSAGE_TEXT, text);
        variables.put("messageId", message.wamid());
        variables.put("phoneNumberId", message.phoneNumberId());
        variables.put(BroadcastProcess.REPLY_ID, message.reply() == null ? null : message.reply().id());
        variables.put(BroadcastProcess.BUTTON_ACTION, action);
        variables.put(BroadcastProcess.INTENT, c == null ? null : c.intent().code());
        variables.put(BroadcastProcess.CONFIDENCE, c == null ? 0.0 : c.confidence());
        variables.put(BroadcastProcess.STOP_WORDS, action == null && ResponseSignals.stop(text));
        variables.put(BroadcastProcess.DECLINED, action == null && ResponseSignals.declined(text));
        variables.put(BroadcastProcess.PRICE_QUESTION, action == null && ResponseSignals.priceQuestion(text));
        variables.put(BroadcastProcess.INTERESTED_WORDS, action == null && ResponseSignals.interested(text));
        if (variables.get(BroadcastProcess.LANGUAGE) == null) {
            variables.put(BroadcastProcess.LANGUAGE, "en");
        }
        String instance = runtimeService.createProcessInstanceByKey(BroadcastProcess.RESPONSE_KEY)
                .businessKey(campaign.businessKey() + "-" + r.waId())
                .setVariables(variables)
                .execute().getProcessInstanceId();
        log.info("Reply from {} attributed to campaign {} ({})", r.waId(), campaign.id(), instance);
    }

    private static Instant lastMessageAt(Recipient r) {
        return r.reengagedAt() != null ? r.reengagedAt() : r.sentAt();
    }

    /** Another workflow asked this customer something after our campaign message: the answer is theirs. */
    private boolean askedSince(String waId, Instant since) {
        if (since == null) {
            return false;
        }
        Integer n = db.jdbc().queryForObject("SELECT COUNT(*) FROM awaiting_reply WHERE customer_key = ? AND asked_at > ?",
                Integer.class, waId, Timestamp.from(since));
        return n != null && n > 0;
    }
}
