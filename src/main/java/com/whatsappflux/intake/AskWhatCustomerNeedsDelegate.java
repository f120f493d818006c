package com.whatsappflux.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.conversation.ReplyTexts;

/** "Ask what customer needs": instead of guessing, the menu as a question this instance waits for. */
@Component
public class AskWhatCustomerNeedsDelegate implements JavaDelegate {

    private final CustomerMessenger messenger;
    private final ReplyTexts texts;

    public AskWhatCustomerNeedsDelegate(CustomerMessenger messenger, ReplyTexts texts) {
        this.messenger = messenger;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String language = CustomerMessenger.language(execution);
        messenger.ask(execution, SendMenuDelegate.menu(texts, language, texts.get(language, "clarify.question")), "other");
    }
}
