package com.whatsappflux.conversation;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.whatsapp.OutboundContent;
import com.whatsappflux.whatsapp.OutboundMessage;
import com.whatsappflux.whatsapp.SendFailure;
import com.whatsappflux.whatsapp.SendRequest;
import com.whatsappflux.whatsapp.WhatsAppSender;

/**
 * How a workflow talks to its customer. Reads {@code waId} from the process, makes the send idempotent
 * for job retries (the key is stable across a rolled-back attempt), turns business failures (24-hour
 * window, opt-out, permanent rejection) into BPMN errors the diagram can catch, and for questions records
 * that this instance waits for the customer's answer.
 */
@Component
public class CustomerMessenger {

    public static final String WA_ID = "waId";
    public static final String LANGUAGE = "language";
    private static final String SEQUENCE = "whatsappSendSequence";

    private final WhatsAppSender sender;
    private final AwaitingReplies awaitingReplies;
    private final BusinessClock clock;
    private final TransactionTemplate ownTransaction;

    public CustomerMessenger(WhatsAppSender sender, AwaitingReplies awaitingReplies, BusinessClock clock,
                             PlatformTransactionManager transactionManager) {
        this.sender = sender;
        this.awaitingReplies = awaitingReplies;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Sends a message; inside the 24-hour window only. */
    public OutboundMessage tell(DelegateExecution execution, OutboundContent content) {
        return send(execution, content, null, false);
    }

    /** Sends the message, or the template when the customer last wrote more than 24 hours ago. */
    public OutboundMessage tell(DelegateExecution execution, OutboundContent content, OutboundContent templateFallback) {
        return send(execution, content, templateFallback, false);
    }

    /** A marketing message: never to opted-out contacts. */
    public OutboundMessage market(DelegateExecution execution, OutboundContent template) {
        return send(execution, template, null, true);
    }

    /**
     * Sends a question and records that this instance waits for the answer (message {@code customerReplied},
     * correlated by the inbox router). {@code topic} is what the conversation is about (lead, payment …):
     * a customer who writes about something clearly different starts new work instead.
     */
    public OutboundMessage ask(DelegateExecution execution, OutboundContent question, String topic) {
        return ask(execution, question, null, topic);
    }

    public OutboundMessage ask(DelegateExecution execution, OutboundContent question, OutboundContent templateFallback,
                               String topic) {
        OutboundMessage sent = send(execution, question, templateFallback, false);
        // committed at once, not with this job: a quick answer must find its way here, not start new work
        // (until the job commits the router retries such an answer, see ConversationRouter)
        ownTransaction.executeWithoutResult(tx -> awaitingReplies.register(sent.customerKey(),
                execution.getProcessInstanceId(), AwaitingReplies.CUSTOMER_REPLIED, topic, sent.id(), clock.now()));
        return sent;
    }

    public static String language(DelegateExecution execution) {
        Object language = execution.getVariable(LANGUAGE);
        return language == null ? ReplyTexts.FALLBACK : language.toString();
    }

    public static String waId(DelegateExecution execution) {
        Object waId = execution.getVariable(WA_ID);
        if (waId == null) {
            throw new IllegalStateException("process variable 'waId' is missing");
        }
        return waId.toString();
    }

    private OutboundMessage send(DelegateExecution execution, OutboundContent content, OutboundContent fallback,
                                 boolean marketing) {
        SendRequest request = SendRequest.of(waId(execution), content, nextKey(execution))
                .withTemplateFallback(fallback)
                .forProcess(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
        if (marketing) {
            request = request.asMarketing();
        }
        try {
            return sender.send(request);
        } catch (SendFailure failure) {
            if (failure.bpmnErrorCode() != null) {
                throw new BpmnError(failure.bpmnErrorCode(), failure.getMessage());
            }
            throw failure;
        }
    }

    /**
     * processInstance:activity:n — n counts this instance's sends. A job that fails after sending rolls the
     * counter back too, so its retry computes the same key and finds the message already sent.
     */
    private static String nextKey(DelegateExecution execution) {
        Object current = execution.getVariable(SEQUENCE);
        long next = current == null ? 1 : ((Number) current).longValue() + 1;
        execution.setVariable(SEQUENCE, next);
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + next;
    }
}
