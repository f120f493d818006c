package com.whatsappflux.conversation;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.business.BusinessProfileService;
import com.whatsappflux.whatsapp.OutboundContent;

/**
 * Sends what a staff member typed in Tasklist ({@code staffReply}). If the customer's 24-hour window
 * closed meanwhile, the approved utility template {@code staff_reply} carries it instead.
 */
@Component
public class SendStaffReplyDelegate implements JavaDelegate {

    public static final String TEMPLATE = "staff_reply";

    private final CustomerMessenger messenger;
    private final BusinessProfileService profile;

    public SendStaffReplyDelegate(CustomerMessenger messenger, BusinessProfileService profile) {
        this.messenger = messenger;
        this.profile = profile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reply = ((String) execution.getVariable("staffReply")).trim();
        String language = CustomerMessenger.language(execution);
        String oneLine = reply.replaceAll("\\s+", " ");
        OutboundContent template = OutboundContent.template(TEMPLATE, templateLanguage(language),
                List.of(profile.profile().name(), oneLine.length() > 900 ? oneLine.substring(0, 900) + "…" : oneLine), null);
        messenger.tell(execution, OutboundContent.text(reply), template);
    }

    /** Approved template translations exist for en, hi and ta; Hinglish readers get the English one. */
    public static String templateLanguage(String language) {
        return switch (language == null ? "en" : language) {
            case "hi", "ta" -> language;
            default -> "en";
        };
    }
}
