package com.whatsappflux.whatsapp;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import com.whatsappflux.crm.Contact;
import com.whatsappflux.crm.ContactService;
import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;
import com.whatsappflux.system.GroupCommit;

/**
 * The one way out to WhatsApp, used by every workflow.
 *
 * <p>Order of work: check the 24-hour rule and opt-out, record the message in the outbox in its own
 * committed transaction, then send. A caller that retries (a Camunda job after a crash, say) finds the
 * recorded state and does not send again what Meta already accepted. In sandbox mode the outbox is the
 * end of the road.
 *
 * <p>The Cloud API has no idempotency key, so a send that got no answer (timeout, crash after the call) is
 * in doubt: every request carries {@code biz_opaque_callback_data} naming its outbox row, a status webhook
 * echoing it attaches the wamid ({@link StatusUpdater}), and only the job's later retry (a minute on) sends
 * again when no status came — the remaining risk of a duplicate is Meta accepting without ever reporting it.
 */
@Service
public class WhatsAppSender {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppSender.class);
    static final String CALLBACK_DATA = "biz_opaque_callback_data";

    private final WhatsAppProperties properties;
    private final ContactService contacts;
    private final OutboxRepository outbox;
    private final GraphApiClient graph;
    private final ThroughputLimiter limiter;
    private final BusinessClock clock;
    /**
     * The outbox rows' changes around each call (recorded and claimed before it, accepted after it) commit together
     * with those of concurrent sends: one commit per batch instead of two per message.
     */
    private final GroupCommit outboxWrites;
    private final MeterRegistry meters;

    public WhatsAppSender(WhatsAppProperties properties, ContactService contacts, OutboxRepository outbox,
                          GraphApiClient graph, ThroughputLimiter limiter, BusinessClock clock, Database db,
                          PlatformTransactionManager transactionManager, MeterRegistry meters) {
        this.properties = properties;
        this.contacts = contacts;
        this.outbox = outbox;
        this.graph = graph;
        this.limiter = limiter;
        this.clock = clock;
        this.meters = meters;
        this.outboxWrites = new GroupCommit("outbox", db, transactionManager, meters, 64);
    }

    @PreDestroy
    void stop() {
        outboxWrites.close();
    }

    /** Sends (at most once per idempotency key) and answers the outbox row; throws {@link SendFailure}. */
    public OutboundMessage send(SendRequest request) {
        Contact contact = contacts.find(request.customerKey()).orElseThrow(
                () -> new InvalidMessageException("no contact " + request.customerKey()));
        if (request.marketing() && contact.optedOut()) {
            throw SendFailure.optedOut(contact.customerKey());
        }
        OutboundContent content = request.content();
        if (!content.isTemplate() && !"reaction".equals(content.type()) && !contact.withinServiceWindow(clock.now())) {
            if (request.templateFallback() == null) {
                throw SendFailure.outsideWindow(contact.customerKey());
            }
            content = request.templateFallback();
        }
        String phoneNumberId = phoneNumberFor(request, contact);
        ObjectNode body = requestBody(contact, content, request.replyToMessageId());
        OutboundContent chosen = content;
        // a new row is recorded and marked SENDING for its first attempt in one transaction: one commit less per
        // message (a crash before the call leaves it SENDING, which the retry sends, as it would a recorded row)
        boolean[] firstAttemptClaimed = {false};
        OutboundMessage recorded = inOwnTransaction(() -> {
            OutboundMessage row = outbox.recordIfAbsent(request.idempotencyKey(), phoneNumberId, contact.customerKey(),
                    contact.waId(), chosen.type(), chosen.summary(), body.toString(), request.processInstanceId(),
                    request.businessKey(), clock.now());
            if (!properties.sandbox() && row.status() == DeliveryStatus.PENDING && row.attempts() == 0) {
                ObjectNode first = body.deepCopy().put(CALLBACK_DATA, OutboxRepository.callbackData(row.id()));
                outbox.markSending(row.id(), first.toString(), clock.now());
                firstAttemptClaimed[0] = true;
            }
            return row;
        });

        if (recorded.status().acceptedByMeta()) {
            return recorded; // sent before (this is a retry): never twice
        }
        if (recorded.status() == DeliveryStatus.FAILED
                && Integer.valueOf(GraphErrorCodes.OUTSIDE_WINDOW).equals(recorded.errorCode())) {
            return templateInstead(request, chosen, contact); // a retry after Meta's 131047
        }
        if (recorded.status() == DeliveryStatus.FAILED && recorded.errorCode() != null
                && !GraphErrorCodes.isRetryable(recorded.errorCode()) && !GraphErrorCodes.isConfiguration(recorded.errorCode())) {
            throw SendFailure.rejected(recorded.errorCode(), recorded.errorMessage());
        }
        if (recorded.status() == DeliveryStatus.SENDING) {
            log.warn("Sending outbound message {} again: an earlier attempt got no answer and no status arrived since",
                    recorded.id());
            count("resent_in_doubt", chosen.type());
        }
        body.put(CALLBACK_DATA, OutboxRepository.callbackData(recorded.id()));
        if (properties.sandbox()) {
            inOwnTransaction(() -> {
                outbox.markSending(recorded.id(), body.toString(), clock.now());
                outbox.markAccepted(recorded.id(), "wamid.sandbox." + UUID.randomUUID(), clock.now());
                return null;
            });
            count("sandbox", chosen.type());
            return outbox.findById(recorded.id()).orElseThrow();
        }
        try {
            return deliver(recorded, phoneNumberId, body, chosen.type(), firstAttemptClaimed[0]);
        } catch (SendFailure failure) {
            if (SendFailure.OUTSIDE_SERVICE_WINDOW.equals(failure.bpmnErrorCode())) {
                return templateInstead(request, chosen, contact);
            }
            throw failure;
        }
    }

    /**
     * Meta answered 131047 (its clock of the 24-hour window wins over ours): the request's template goes instead,
     * under its own key so that it, too, is sent at most once. Without a template it is the business outcome
     * "outside the service window".
     */
    private OutboundMessage templateInstead(SendRequest request, OutboundContent tried, Contact contact) {
        if (request.templateFallback() == null || tried.isTemplate()) {
            throw SendFailure.outsideWindow(contact.customerKey());
        }
        return send(new SendRequest(request.customerKey(), request.templateFallback(), request.idempotencyKey() + ":template",
                null, request.marketing(), request.processInstanceId(), request.businessKey(), null, request.phoneNumberId()));
    }

    /**
     * Marks a customer's message (and the earlier ones in the thread) read: blue ticks. No typing indicator — not
     * every message gets an answer, and "typing…" for 25 s followed by nothing would be worse than none.
     * Completes with whether Meta confirmed it, without holding a thread while Meta answers; callers treat it as
     * best effort ({@link ReadReceipts}).
     */
    public CompletableFuture<Boolean> markRead(String phoneNumberId, String inboundWamid) {
        if (properties.sandbox() || inboundWamid == null) {
            return CompletableFuture.completedFuture(false);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("messaging_product", "whatsapp")
                .put("status", "read").put("message_id", inboundWamid);
        limiter.acquire(phoneNumberId);
        return graph.postAsync(phoneNumberId, body).thenApply(response -> {
            if (!response.success()) {
                log.info("Mark-as-read for {} failed: {}", inboundWamid, response.errorMessage());
            }
            return response.success();
        });
    }

    private OutboundMessage deliver(OutboundMessage recorded, String phoneNumberId, ObjectNode body, String type,
                                    boolean firstAttemptClaimed) {
        GraphApiClient.GraphResponse response = null;
        int attempts = Math.max(1, properties.sendAttempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            limiter.acquire(phoneNumberId);
            if (attempt > 1 || !firstAttemptClaimed) {
                inOwnTransaction(() -> {
                    outbox.markSending(recorded.id(), body.toString(), clock.now());
                    return null;
                });
            }
            response = graph.post(phoneNumberId, body);
            if (response.success()) {
                String wamid = response.wamid();
                OutboundMessage accepted = inOwnTransaction(() -> outbox.markAcceptedAndGet(recorded.id(), wamid, clock.now()));
                count("accepted", type);
                return accepted;
            }
            if (response.inDoubt()) {
                return inDoubt(recorded, response, type);
            }
            if (!GraphErrorCodes.isRetryable(response.errorCode())) {
                break;
            }
            if (attempt < attempts) {
                sleep(backoff(attempt, response.errorCode()));
            }
        }
        GraphApiClient.GraphResponse failure = response;
        Integer code = failure.errorCode();
        if (GraphErrorCodes.isRetryable(code)) {
            inOwnTransaction(() -> {
                outbox.markRetryPending(recorded.id(), code, failure.errorMessage(), clock.now());
                return null;
            });
            count("retry", type);
            throw SendFailure.retryable(code, failure.errorMessage());
        }
        inOwnTransaction(() -> {
            outbox.markFailed(recorded.id(), code, failure.errorMessage(), clock.now());
            return null;
        });
        if (code == StatusUpdater.UNDELIVERABLE) {
            contacts.markUnreachable(recorded.customerKey());
        }
        count("failed", type);
        if (code == GraphErrorCodes.OUTSIDE_WINDOW) {
            throw SendFailure.outsideWindow(recorded.customerKey());
        }
        if (GraphErrorCodes.isConfiguration(code)) {
            throw SendFailure.configuration(code, failure.errorMessage());
        }
        throw SendFailure.rejected(code, failure.errorMessage());
    }

    /**
     * No answer, so Meta may have accepted it: not retried here (that would risk a duplicate within seconds).
     * A status webhook may already have attached the wamid; otherwise the job fails and its retry, a minute on,
     * finds either the echoed status or still nothing and sends again.
     */
    private OutboundMessage inDoubt(OutboundMessage recorded, GraphApiClient.GraphResponse response, String type) {
        OutboundMessage current = inOwnTransaction(() -> {
            outbox.markInDoubt(recorded.id(), response.errorMessage(), clock.now());
            return outbox.findById(recorded.id()).orElseThrow();
        });
        if (current.status().acceptedByMeta()) {
            count("accepted", type);
            return current;
        }
        count("in_doubt", type);
        throw SendFailure.inDoubt(response.errorMessage());
    }

    /** Exponential backoff; the pair rate limit (131056) asks for at least 6 s between messages to one user. */
    private Duration backoff(int attempt, Integer code) {
        Duration base = properties.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 6));
        return code != null && code == 131056 && base.toMillis() < 6000 ? Duration.ofSeconds(6) : base;
    }

    private String phoneNumberFor(SendRequest request, Contact contact) {
        if (request.phoneNumberId() != null) {
            return request.phoneNumberId();
        }
        // a reply goes out from the number the customer wrote to
        return properties.isConfiguredNumber(contact.phoneNumberId()) ? contact.phoneNumberId()
                : properties.defaultPhoneNumberId();
    }

    static ObjectNode requestBody(Contact contact, OutboundContent content, String replyTo) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("messaging_product", "whatsapp").put("recipient_type", "individual");
        if (contact.waId() != null) {
            body.put("to", "+" + contact.waId());
        } else {
            body.put("recipient", contact.userId()); // username users without a phone number (BSUID)
        }
        body.put("type", content.type());
        body.set(content.type(), content.body());
        if (replyTo != null && !"reaction".equals(content.type())) {
            body.putObject("context").put("message_id", replyTo);
        }
        return body;
    }

    /** Committed before this returns, independent of the caller's transaction (a job's, which may yet roll back). */
    private <T> T inOwnTransaction(java.util.function.Supplier<T> work) {
        return outboxWrites.execute(work);
    }

    private void count(String outcome, String type) {
        meters.counter("flux.whatsapp.outbound", "outcome", outcome, "type", type).increment();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
