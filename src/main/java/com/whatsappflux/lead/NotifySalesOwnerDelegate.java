package com.whatsappflux.lead;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.ReplyTexts;
import com.whatsappflux.crm.ContactService;
import com.whatsappflux.whatsapp.OutboundContent;
import com.whatsappflux.whatsapp.SendFailure;
import com.whatsappflux.whatsapp.SendRequest;
import com.whatsappflux.whatsapp.WhatsAppSender;

/**
 * Tells the sales owner on WhatsApp, one line: who, what, budget, when, where. Outside the owner's 24-hour window
 * the approved template {@code lead_assigned} carries the same line. A failed notification never blocks the lead:
 * the Tasklist task is there either way.
 */
@Component
public class NotifySalesOwnerDelegate implements JavaDelegate {

    static final String TEMPLATE = "lead_assigned";
    private static final Logger log = LoggerFactory.getLogger(NotifySalesOwnerDelegate.class);

    private final LeadService leads;
    private final SalesOwners owners;
    private final ContactService contacts;
    private final WhatsAppSender sender;
    private final ReplyTexts texts;

    public NotifySalesOwnerDelegate(LeadService leads, SalesOwners owners, ContactService contacts, WhatsAppSender sender,
                                    ReplyTexts texts) {
        this.leads = leads;
        this.owners = owners;
        this.contacts = contacts;
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String username = (String) execution.getVariable(LeadProcess.SALES_OWNER);
        String ownerWaId = username == null ? null : owners.find(username).map(SalesOwners.SalesOwner::waId).orElse(null);
        if (ownerWaId == null || ownerWaId.isBlank()) {
            log.info("Sales owner {} has no WhatsApp number; the Tasklist task is the notification", username);
            return;
        }
        long leadId = LeadVariables.leadId(execution);
        String line = leads.summaryLine(leadId);
        contacts.ensure(ownerWaId, username);
        SendRequest request = SendRequest.of(ownerWaId, OutboundContent.text(texts.get("en", "lead.owner.notify", line)),
                        "lead:" + leadId + ":owner:" + username + ":" + execution.getProcessInstanceId())
                .withTemplateFallback(OutboundContent.template(TEMPLATE, "en", List.of(line), List.of()));
        try {
            sender.send(request);
        } catch (SendFailure failure) {
            if (failure.bpmnErrorCode() == null) {
                throw failure; // technical: retried by the job
            }
            log.warn("Could not notify sales owner {} about lead {}: {}", username, leadId, failure.getMessage());
        }
    }
}
