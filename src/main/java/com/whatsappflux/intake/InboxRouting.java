package com.whatsappflux.intake;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.CustomerLock;
import com.whatsappflux.system.Database;
import com.whatsappflux.system.EngineCommand;
import com.whatsappflux.system.TransientFailure;
import com.whatsappflux.whatsapp.InboundType;
import com.whatsappflux.whatsapp.ReadReceipts;

/**
 * Routes inbox messages for the {@link InboxDispatcher}'s workers: a customer's oldest pending message under the
 * customer's lock (one node, one thread at a time — see {@link CustomerLock}), marked processed in the transaction
 * that starts or continues its workflow. Under load the next message of several customers goes in one round: one
 * transaction and one engine command, so one commit, and the engine writes the rows of all those workflows together
 * instead of statement by statement (see {@link EngineCommand}). If any message of a round fails, the round rolls
 * back and each of its messages is routed again on its own, where a failure stays with its message.
 */
@Component
public class InboxRouting {

    private static final Logger log = LoggerFactory.getLogger(InboxRouting.class);
    static final int MAX_ATTEMPTS = 5;
    private static final String INBOX_COLUMNS = "id, wamid, phone_number_id, customer_key, wa_id, user_id, "
            + "profile_name, type, text, context_id, message_json, sent_at, attempts";

    private final Database db;
    private final CustomerLock customerLock;
    private final ConversationRouter router;
    private final ReadReceipts readReceipts;
    private final TransactionTemplate transactions;
    private final EngineCommand engine;
    private final BusinessClock clock;
    private final Timer routeTimer;
    private final DistributionSummary roundSize;
    private final Counter roundFallbacks;

    public InboxRouting(Database db, CustomerLock customerLock, ConversationRouter router, ReadReceipts readReceipts,
                        TransactionTemplate transactions, EngineCommand engine, BusinessClock clock, MeterRegistry meters) {
        this.db = db;
        this.customerLock = customerLock;
        this.router = router;
        this.readReceipts = readReceipts;
        this.transactions = transactions;
        this.engine = engine;
        this.clock = clock;
        this.routeTimer = Timer.builder("flux.intake.route").description("time to route one inbound message")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.roundSize = DistributionSummary.builder("flux.intake.round.messages")
                .description("messages routed together in one transaction, when more customers waited than workers were free")
                .register(meters);
        this.roundFallbacks = Counter.builder("flux.intake.round.fallbacks")
                .description("rounds rolled back because one message failed, whose messages were then routed alone")
                .register(meters);
    }

    /** Routes the next message of each customer; answers the customers with another message waiting. */
    List<String> routeRound(List<String> customers) {
        if (customers.size() == 1) {
            return routeAlone(customers.get(0)) ? customers : List.of();
        }
        try {
            return transactions.execute(tx -> engine.run(() -> routeTogether(customers)));
        } catch (RuntimeException e) {
            roundFallbacks.increment();
            log.info("Routing {} customers in one transaction failed ({}); routing each on its own", customers.size(),
                    e.toString());
            return customers.stream().filter(this::routeAlone).toList();
        }
    }

    /** The customer's oldest pending message in a transaction of its own; true when another one waits behind it. */
    boolean routeAlone(String customerKey) {
        try {
            return Boolean.TRUE.equals(transactions.execute(tx -> handleNext(customerKey)));
        } catch (ReplyArrivedEarly early) {
            return false; // still RECEIVED: the next poll routes it, by then the workflow waits
        } catch (RuntimeException e) {
            recordFailure(customerKey, e);
            return false; // the poller comes back to this customer
        }
    }

    /** Routes the customer's oldest pending message; true when another one waits behind it. */
    private boolean handleNext(String customerKey) {
        if (!customerLock.tryLockForTransaction(customerKey)) {
            return false; // another worker or node has this customer
        }
        // the next two: whether one more waits saves a transaction that would only find nothing
        List<StoredInbound> next = db.jdbc().query("SELECT " + INBOX_COLUMNS + " FROM inbound_message "
                + "WHERE customer_key = ? AND status = 'RECEIVED' ORDER BY sent_at, id LIMIT 2", StoredInbound::map, customerKey);
        if (next.isEmpty()) {
            return false;
        }
        route(next.get(0));
        return next.size() > 1;
    }

    /** {@link #handleNext} for several customers in the current transaction; answers those with more waiting. */
    private List<String> routeTogether(List<String> customers) {
        List<String> locked = customerLock.tryLockAllForTransaction(customers);
        if (locked.isEmpty()) {
            return List.of();
        }
        String keys = String.join(",", Collections.nCopies(locked.size(), "?"));
        Map<String, List<StoredInbound>> nextByCustomer = db.jdbc().query("SELECT " + INBOX_COLUMNS + " FROM ("
                        + "SELECT " + INBOX_COLUMNS + ", ROW_NUMBER() OVER (PARTITION BY customer_key ORDER BY sent_at, id) AS n "
                        + "FROM inbound_message WHERE status = 'RECEIVED' AND customer_key IN (" + keys + ")) oldest "
                        + "WHERE n <= 2 ORDER BY customer_key, n", StoredInbound::map, locked.toArray()).stream()
                .collect(Collectors.groupingBy(StoredInbound::customerKey));
        List<String> more = new ArrayList<>();
        int routed = 0;
        for (String customer : locked) {
            List<StoredInbound> next = nextByCustomer.getOrDefault(customer, List.of());
            if (!next.isEmpty()) {
                route(next.get(0));
                routed++;
                if (next.size() > 1) {
                    more.add(customer);
                }
            }
        }
        int together = routed;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                roundSize.record(together);
            }
        });
        return more;
    }

    private void route(StoredInbound message) {
        RoutingOutcome outcome;
        DecidedRoute decided;
        DecidedRoute.routing(message.wamid());
        try {
            outcome = routeTimer.record(() -> router.route(message));
        } finally {
            decided = DecidedRoute.take();
        }
        // a resubmitted message keeps the error that sent it to the job executor; the route decided on the way (if the
        // intake decided one here) goes into the same row version
        db.jdbc().update("UPDATE inbound_message SET status = 'PROCESSED', processed_at = ?, outcome = ?, "
                + "process_instance_id = ?, error = CASE WHEN ? THEN error END, intent = COALESCE(?, intent), "
                + "confidence = COALESCE(?, confidence), language = COALESCE(?, language), route = COALESCE(?, route) "
                + "WHERE id = ? AND status = 'RECEIVED'",
                Timestamp.from(clock.now()), outcome.kind(), outcome.processInstanceId(),
                RoutingOutcome.RESUBMITTED.equals(outcome.kind()),
                decided.intent(), decided.confidence(), decided.language(), decided.route(), message.id());
        if (!InboundType.SYSTEM.code().equals(message.type())) {
            // blue ticks once the message is taken up for good, not when this transaction might still roll back
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    readReceipts.markRead(message.phoneNumberId(), message.customerKey(), message.wamid());
                }
            });
        }
    }

    /**
     * The message could not be routed. It stays in the inbox and is retried. A passing failure (the database
     * away, a lock conflict) costs no attempt. Any other (a bug, bad data, a broken route table) counts one, and
     * the retry of a message for the intake then resubmits it to the job executor (see {@link ConversationRouter}),
     * so that it fails, if again, as an incident in Cockpit. A message that a waiting workflow takes and that
     * still fails after {@value #MAX_ATTEMPTS} attempts is set aside as FAILED (visible in the API and metrics),
     * so the customer's later messages are not blocked behind it.
     */
    private void recordFailure(String customerKey, RuntimeException e) {
        if (TransientFailure.is(e)) {
            // the database is away or a lock conflicted: not the message's fault, so no attempt is spent on it
            log.warn("Routing a message of {} failed for a passing reason (will retry): {}", customerKey, e.toString());
            sleepQuietly(1000);
            return;
        }
        log.error("Routing a message of {} failed: {}", customerKey, e.toString(), e);
        try {
            transactions.executeWithoutResult(tx -> {
                Optional<Long> id = db.jdbc().queryForList("SELECT id FROM inbound_message WHERE customer_key = ? "
                        + "AND status = 'RECEIVED' ORDER BY sent_at, id", Long.class, customerKey).stream().findFirst();
                id.ifPresent(messageId -> db.jdbc().update("UPDATE inbound_message SET attempts = attempts + 1, error = ?, "
                        + "status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE status END WHERE id = ?",
                        abbreviate(e.toString()), MAX_ATTEMPTS, messageId));
            });
        } catch (RuntimeException again) {
            log.warn("Could not record the failure either: {}", again.getMessage());
        }
        sleepQuietly(200);
    }

    private static String abbreviate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
