package com.whatsappflux.support;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.conversation.ReplyTexts;
import com.whatsappflux.whatsapp.OutboundContent;

/** Asks for a 1-5 rating as an interactive list (reply buttons allow only three). */
@Component
public class AskForRatingDelegate implements JavaDelegate {

    private final ReplyTexts texts;
    private final CustomerMessenger messenger;

    public AskForRatingDelegate(ReplyTexts texts, CustomerMessenger messenger) {
        this.texts = texts;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String language = CustomerMessenger.language(execution);
        List<OutboundContent.Row> rows = new ArrayList<>();
        for (int stars = 5; stars >= 1; stars--) {
            rows.add(new OutboundContent.Row(SupportProcess.RATING_ROW_PREFIX + stars,
                    texts.get(language, "support.rating." + stars), null));
        }
        OutboundContent question = OutboundContent.list(texts.get(language, "support.rating.question"),
                texts.get(language, "support.rating.button"), List.of(new OutboundContent.Section(null, rows)), null);
        messenger.ask(execution, question, SupportProcess.CONVERSATION_TOPIC);
    }
}
