package com.whatsappflux.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.conversation.ReplyTexts;
import com.whatsappflux.whatsapp.OutboundContent;

/** The customer asked something mid-way: keep it on the lead for the sales team and say so (not ignored). */
@Component
public class PassQuestionToSalesDelegate implements JavaDelegate {

    private final LeadService leads;
    private final ReplyTexts texts;
    private final CustomerMessenger messenger;

    public PassQuestionToSalesDelegate(LeadService leads, ReplyTexts texts, CustomerMessenger messenger) {
        this.leads = leads;
        this.texts = texts;
        this.messenger = messenger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leads.noteQuestion(LeadVariables.leadId(execution), (String) execution.getVariable(LeadProcess.REPLY_TEXT));
        messenger.tell(execution, OutboundContent.text(texts.get(CustomerMessenger.language(execution), "lead.question.noted")));
    }
}
