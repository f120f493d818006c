package com.whatsappflux.support;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.conversation.ReplyTexts;
import com.whatsappflux.whatsapp.OutboundContent;

/** "Did this solve it?" with reply buttons Yes / Talk to a person, and waits for the answer. */
@Component
public class AskIfSolvedDelegate implements JavaDelegate {

    private final ReplyTexts texts;
    private final CustomerMessenger messenger;

    public AskIfSolvedDelegate(ReplyTexts texts, CustomerMessenger messenger) {
        this.texts = texts;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String language = CustomerMessenger.language(execution);
        OutboundContent question = OutboundContent.buttons(texts.get(language, "support.solved.question"), List.of(
                new OutboundContent.Button(SupportProcess.BUTTON_SOLVED, texts.get(language, "support.solved.yes")),
                new OutboundContent.Button(SupportProcess.BUTTON_PERSON, texts.get(language, "support.solved.person"))), null);
        messenger.ask(execution, question, SupportProcess.CONVERSATION_TOPIC);
    }
}
