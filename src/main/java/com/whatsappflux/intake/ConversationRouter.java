package com.whatsappflux.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import com.whatsappflux.conversation.AwaitingReplies;
import com.whatsappflux.conversation.AwaitingReplies.Awaiting;
import com.whatsappflux.crm.Contact;
import com.whatsappflux.crm.ContactService;
import com.whatsappflux.intent.Classification;
import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.intent.IntentClassifier;
import com.whatsappflux.whatsapp.InboundMessage;
import com.whatsappflux.whatsapp.InboundMessageParser;
import com.whatsappflux.whatsapp.OutboxRepository;

/**
 * The switchboard. Replies first: if a running workflow waits for this customer's answer the message
 * goes there (the instance that sent the quoted/tapped message, else the one that asked last). A message
 * that is clearly about something else, and everything else, starts {@code message-intake}, which runs in
 * the caller's transaction up to the started workflow's first save point. It is queued for the job executor
 * instead (start event "Message queued") when routing this message failed before, so that a second failure
 * becomes an incident in Cockpit rather than a message set aside in the inbox, and when the classifier is a
 * remote service, whose call must not hold the inbox transaction and the customer's lock.
 */
@Component
public class ConversationRouter {

    private static final Logger log = LoggerFactory.getLogger(ConversationRouter.class);
    /** Above this confidence a different intent is "clearly something else" and becomes new work. */
    static final double CLEARLY_OTHER_TOPIC = 0.9;
    /** How long after asking an answer may arrive before the asking job has committed (then it is retried). */
    static final java.time.Duration ANSWER_BEFORE_WAIT = java.time.Duration.ofSeconds(15);

    private final InboundMessageParser parser;
    private final ContactService contacts;
    private final AwaitingReplies awaitingReplies;
    private final OutboxRepository outbox;
    private final IntentClassifier classifier;
    private final RuntimeService runtimeService;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final BusinessClock clock;
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    private com.whatsappflux.conversation.CampaignReplyHandler campaignReplies; // broadcast: replies to campaigns

    public ConversationRouter(InboundMessageParser parser, ContactService contacts, AwaitingReplies awaitingReplies,
                              OutboxRepository outbox, IntentClassifier classifier, RuntimeService runtimeService,
                              ObjectMapper json, MeterRegistry meters, BusinessClock clock) {
        this.parser = parser;
        this.contacts = contacts;
        this.awaitingReplies = awaitingReplies;
        this.outbox = outbox;
        this.classifier = classifier;
        this.runtimeService = runtimeService;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    public RoutingOutcome route(StoredInbound stored) {
        InboundMessage message = parse(stored);
        Contact contact = contacts.recordInbound(message.waId(), message.userId(), message.profileName(),
                message.phoneNumberId(), message.timestamp());
        RoutingOutcome outcome = switch (message.type()) {
            case SYSTEM -> handleSystemChange(message);
            case REACTION -> RoutingOutcome.of("reaction"); // kept in the transcript; nothing to do
            default -> routeConversation(message, contact, stored.attempts() > 0);
        };
        meters.counter("flux.intake.routed", "outcome", outcome.kind()).increment();
        return outcome;
    }

    private RoutingOutcome routeConversation(InboundMessage message, Contact contact, boolean failedBefore) {
        if (campaignReplies != null && campaignReplies.handle(message)) {
            return RoutingOutcome.of("campaign-reply");
        }
        Optional<Awaiting> awaiting = findAwaiting(message);
        if (awaiting.isEmpty() && message.type().isReplyToUs()) {
            retryIfTheQuestionWasJustSent(message);
        }
        if (awaiting.isPresent() && continuesConversation(message, awaiting.get())) {
            Optional<String> correlated = correlate(message, awaiting.get());
            if (correlated.isPresent()) {
                return new RoutingOutcome("correlated", correlated.get());
            }
        }
        if (failedBefore) {
            return new RoutingOutcome(RoutingOutcome.RESUBMITTED, startIntake(message, contact, true));
        }
        if (classifier.callsRemoteService()) {
            return new RoutingOutcome(RoutingOutcome.QUEUED, startIntake(message, contact, true));
        }
        return new RoutingOutcome("intake-started", startIntake(message, contact, false));
    }

    /** A tap on a question whose wait is not registered yet (sent a moment ago by a running instance). */
    private void retryIfTheQuestionWasJustSent(InboundMessage message) {
        if (message.context() == null || message.context().id() == null) {
            return;
        }
        outbox.findByWamid(message.context().id())
                .filter(sent -> sent.processInstanceId() != null)
                .filter(sent -> sent.createdAt().isAfter(clock.now().minus(ANSWER_BEFORE_WAIT)))
                .filter(sent -> runtimeService.createProcessInstanceQuery().processInstanceId(sent.processInstanceId())
                        .active().count() > 0)
                .ifPresent(sent -> {
                    throw new ReplyArrivedEarly(sent.processInstanceId());
                });
    }

    /** Strongest signal first: the message the customer quoted or tapped, else whoever asked last. */
    private Optional<Awaiting> findAwaiting(InboundMessage message) {
        String customer = message.customerKey();
        if (message.context() != null && message.context().id() != null) {
            Optional<Awaiting> byContext = outbox.findByWamid(message.context().id())
                    .filter(sent -> sent.processInstanceId() != null)
                    .flatMap(sent -> awaitingReplies.forInstance(customer, sent.processInstanceId()));
            if (byContext.isPresent()) {
                return byContext;
            }
        }
        return awaitingReplies.latestFor(customer);
    }

    /**
     * Taps on our buttons always continue the conversation. Free text continues it unless it is clearly
     * about something else ("payment done, UTR 4123…" while a booking waits): then it becomes new work and
     * the waiting instance keeps waiting for its own timers.
     */
    boolean continuesConversation(InboundMessage message, Awaiting awaiting) {
        if (message.type().isReplyToUs()) {
            return true;
        }
        if (message.type().needsHuman()) {
            return false;
        }
        if (message.text() == null || message.text().isBlank()) {
            return true; // a photo or document without caption answers what was asked (a payment screenshot)
        }
        // in process even when an LLM classifies new work: this runs in the inbox transaction, under the customer's lock
        Classification c = classifier.inProcess().classify(message.text());
        if ("opt_out".equals(c.intent().code())) {
            return false;
        }
        if (c.intent().code().equals(awaiting.topic()) || "other".equals(c.intent().code())) {
            return true;
        }
        boolean paymentProof = "payment".equals(c.intent().code()) && !c.entities().transactionIds().isEmpty();
        return !(paymentProof || c.confidence() >= CLEARLY_OTHER_TOPIC);
    }

    private Optional<String> correlate(InboundMessage message, Awaiting awaiting) {
        awaitingReplies.remove(awaiting.id()); // the workflow registers again when it asks its next question
        Map<String, Object> variables = new HashMap<>();
        variables.put(IntakeProcess.REPLY_TEXT, message.text());
        variables.put(IntakeProcess.REPLY_ID, message.reply() == null ? null : message.reply().id());
        variables.put(IntakeProcess.REPLY_MESSAGE_ID, message.wamid());
        variables.put(IntakeProcess.REPLY_TYPE, message.type().code());
        try {
            runtimeService.createMessageCorrelation(awaiting.messageName())
                    .processInstanceId(awaiting.processInstanceId())
                    .setVariables(variables)
                    .correlateWithResult();
            return Optional.of(awaiting.processInstanceId());
        } catch (MismatchingMessageCorrelationException notWaitingAnymore) {
            if (awaiting.askedAt().isAfter(clock.now().minus(ANSWER_BEFORE_WAIT))) {
                // the question was just sent and its job has not committed the wait yet: try again shortly
                throw new ReplyArrivedEarly(awaiting.processInstanceId());
            }
            log.info("Instance {} no longer waits for {}; routing {} as new work", awaiting.processInstanceId(),
                    message.customerKey(), message.wamid());
            return Optional.empty();
        }
    }

    private String startIntake(InboundMessage message, Contact contact, boolean inBackground) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(IntakeProcess.WA_ID, message.customerKey());
        variables.put(IntakeProcess.MESSAGE_ID, message.wamid());
        variables.put(IntakeProcess.MESSAGE_TEXT, message.text());
        variables.put(IntakeProcess.MESSAGE_TYPE, message.type().code());
        variables.put(IntakeProcess.PHONE_NUMBER_ID, message.phoneNumberId());
        variables.put(IntakeProcess.REPLY_ID, message.reply() == null ? null : message.reply().id());
        variables.put(IntakeProcess.ATTEMPT, 1);
        // the contact as recordInbound left it (its language, when known from earlier messages)
        Optional<Contact> known = contact != null && contact.customerKey().equals(message.customerKey()) ? Optional.of(contact)
                : contacts.find(message.customerKey());
        known.map(Contact::language).ifPresent(l -> variables.put(IntakeProcess.LANGUAGE, l));
        if (message.referral() != null) {
            variables.put(IntakeProcess.LEAD_SOURCE, "ad");
            variables.put(IntakeProcess.AD_HEADLINE, message.referral().headline());
        }
        if (inBackground) {
            return runtimeService.startProcessInstanceByMessage(IntakeProcess.QUEUED, message.customerKey(), variables)
                    .getProcessInstanceId();
        }
        return runtimeService.createProcessInstanceByKey(IntakeProcess.KEY)
                .businessKey(message.customerKey())
                .setVariables(variables)
                .execute()
                .getProcessInstanceId();
    }

    /** The customer changed number: keep history under the new number; no reply, no workflow. */
    private RoutingOutcome handleSystemChange(InboundMessage message) {
        if (message.system() != null && message.system().newWaId() != null) {
            contacts.addTag(message.customerKey(), "changed-number:" + message.system().newWaId());
        }
        return RoutingOutcome.of("system");
    }

    private InboundMessage parse(StoredInbound stored) {
        try {
            JsonNode node = json.readTree(stored.messageJson());
            ObjectNode value = json.createObjectNode();
            ObjectNode sender = value.putArray("contacts").addObject();
            sender.put("wa_id", stored.waId()).put("user_id", stored.userId());
            sender.putObject("profile").put("name", stored.profileName());
            return parser.parse(node, value, stored.phoneNumberId());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored message " + stored.wamid() + " is not JSON", e);
        }
    }

}
