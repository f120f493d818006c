package com.whatsappflux.intake;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.business.BusinessProfileService;
import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.conversation.ReplyTexts;
import com.whatsappflux.whatsapp.OutboundContent;

/**
 * "Send menu": a greeting answered with a short list of what we can do. A tap arrives later as a new
 * message with the row id (MENU_LEAD …), which the message-route table maps to a workflow.
 */
@Component
public class SendMenuDelegate implements JavaDelegate {

    private final CustomerMessenger messenger;
    private final ReplyTexts texts;
    private final BusinessProfileService profile;

    public SendMenuDelegate(CustomerMessenger messenger, ReplyTexts texts, BusinessProfileService profile) {
        this.messenger = messenger;
        this.texts = texts;
        this.profile = profile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        messenger.tell(execution, menu(texts, CustomerMessenger.language(execution),
                texts.get(CustomerMessenger.language(execution), "menu.greeting",
                        execution.getVariable("customerName"), profile.profile().name())));
    }

    static OutboundContent menu(ReplyTexts texts, String language, String body) {
        return OutboundContent.list(body, texts.get(language, "menu.button"), List.of(new OutboundContent.Section(null, List.of(
                new OutboundContent.Row("MENU_LEAD", texts.get(language, "menu.lead"), null),
                new OutboundContent.Row("MENU_SUPPORT", texts.get(language, "menu.support"), null),
                new OutboundContent.Row("MENU_PAYMENT", texts.get(language, "menu.payment"), null),
                new OutboundContent.Row("MENU_BOOKING", texts.get(language, "menu.booking"), null)))), null);
    }
}
