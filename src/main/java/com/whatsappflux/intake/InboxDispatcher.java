package com.whatsappflux.intake;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
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
import com.whatsappflux.whatsapp.InboxSignal;
import com.whatsappflux.whatsapp.ReadReceipts;

/**
 * Works off the inbox. Customers with pending messages wait in a queue for one of the worker threads; a worker
 * locks the customer (one node, one thread at a time — see {@link CustomerLock}) and routes that customer's
 * messages oldest first, each in one transaction together with the workflow it starts or continues. A crash
 * before the commit leaves the message RECEIVED, so it is picked up again after a restart or by another node —
 * and never twice, because "processed" commits with its effects.
 * <p>
 * When more customers wait than workers are free, a worker takes up to {@code flux.intake.batch-size} of them
 * and routes the next message of each in one transaction and one engine command: one commit, and the engine
 * writes the rows of all those workflows together instead of statement by statement (see {@link EngineCommand}).
 * If any message of such a round fails, the round rolls back and each of its messages is routed again on its
 * own, where a failure stays with its message.
 */
@Component
public class InboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);
    static final int MAX_ATTEMPTS = 5;
    private static final String INBOX_COLUMNS = "id, wamid, phone_number_id, customer_key, wa_id, user_id, "
            + "profile_name, type, text, context_id, message_json, sent_at, attempts";

    private final Database db;
    private final CustomerLock customerLock;
    private final ConversationRouter router;
    private final InboxBacklog backlog;
    private final InboxSignal signal;
    private final ReadReceipts readReceipts;
    private final TransactionTemplate transactions;
    private final EngineCommand engine;
    private final BusinessClock clock;
    private final int threads;
    private final int batchSize;
    private final long pollMillis;
    private final boolean autoStart;
    /** Customers queued for a worker or being worked on: the poller does not queue them again. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<String> waitingForWorker = new LinkedBlockingQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Timer routeTimer;
    private final DistributionSummary roundSize;
    private final Counter roundFallbacks;
    private ExecutorService workers;
    private Thread poller;

    public InboxDispatcher(Database db, CustomerLock customerLock, ConversationRouter router, InboxBacklog backlog,
                           InboxSignal signal, ReadReceipts readReceipts, TransactionTemplate transactions,
                           EngineCommand engine, BusinessClock clock, MeterRegistry meters,
                           @Value("${flux.intake.dispatcher-threads:4}") int threads,
                           @Value("${flux.intake.batch-size:8}") int batchSize,
                           @Value("${flux.intake.poll-interval:100ms}") java.time.Duration poll,
                           @Value("${flux.intake.dispatcher-enabled:true}") boolean autoStart) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("flux.intake.batch-size must be at least 1, was " + batchSize);
        }
        this.db = db;
        this.customerLock = customerLock;
        this.router = router;
        this.backlog = backlog;
        this.signal = signal;
        this.readReceipts = readReceipts;
        this.transactions = transactions;
        this.engine = engine;
        this.clock = clock;
        this.threads = threads;
        this.batchSize = batchSize;
        this.pollMillis = poll.toMillis();
        this.autoStart = autoStart;
        this.routeTimer = Timer.builder("flux.intake.route").description("time to route one inbound message")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.roundSize = DistributionSummary.builder("flux.intake.round.messages")
                .description("messages routed together in one transaction, when more customers waited than workers were free")
                .register(meters);
        this.roundFallbacks = Counter.builder("flux.intake.round.fallbacks")
                .description("rounds rolled back because one message failed, whose messages were then routed alone")
                .register(meters);
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "inbox-worker");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads; i++) {
            workers.execute(this::workLoop);
        }
        poller = new Thread(this::pollLoop, "inbox-poller");
        poller.setDaemon(true);
        poller.start();
        log.info("Inbox dispatcher started with {} workers, up to {} customers per transaction", threads, batchSize);
    }

    @Override
    public void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        signal.wake();
        workers.shutdown();
        try {
            poller.join(TimeUnit.SECONDS.toMillis(2));
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // customers no worker took up: their messages stay RECEIVED and the next poll finds them again
        List<String> notTakenUp = new ArrayList<>();
        waitingForWorker.drainTo(notTakenUp);
        notTakenUp.forEach(customer -> {
            inFlight.remove(customer);
            backlog.customerTakenUp();
        });
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    @Override
    public boolean isAutoStartup() {
        return autoStart;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // after the process engine, before the web server stops
    }

    private void pollLoop() {
        while (running.get()) {
            try {
                if (inFlight.size() >= 2 * threads * batchSize) {
                    // enough customers queued for the workers: every webhook and every drained customer wakes this
                    // loop, and the query reads the whole backlog, so under load it would run twice per message
                    signal.await(pollMillis);
                    continue;
                }
                List<String> customers = pendingCustomers();
                for (String customer : customers) {
                    if (inFlight.add(customer)) {
                        backlog.customerQueued();
                        waitingForWorker.add(customer);
                    }
                }
                signal.await(customers.isEmpty() ? pollMillis * 5 : pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Inbox poll failed (will retry): {}", e.getMessage());
                sleepQuietly(1000);
            }
        }
    }

    /** A worker: routes the customers it takes from the queue until none of them has a message left. */
    private void workLoop() {
        List<String> active = new ArrayList<>();
        try {
            while (running.get()) {
                if (active.isEmpty()) {
                    String first = waitingForWorker.poll(pollMillis, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    backlog.customerTakenUp();
                    active.add(first);
                }
                // more customers waiting: take them into this round; they still wait (for inbox first) until it ends
                int added = waitingForWorker.drainTo(active, batchSize - active.size());
                List<String> more;
                try {
                    more = routeRound(active);
                } catch (RuntimeException e) { // routeRound records failures itself: this is a bug, not a message
                    log.error("Inbox worker could not route {} customers: {}", active.size(), e.toString(), e);
                    more = List.of();
                    sleepQuietly(1000);
                } finally {
                    for (int i = 0; i < added; i++) {
                        backlog.customerTakenUp();
                    }
                }
                for (String customer : active) {
                    if (!more.contains(customer)) {
                        inFlight.remove(customer); // the poller queues the customer again when a message arrives
                        signal.wake();
                    }
                }
                active = new ArrayList<>(more);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            active.forEach(inFlight::remove);
            signal.wake();
        }
    }

    private List<String> pendingCustomers() {
        return db.jdbc().queryForList("SELECT customer_key FROM inbound_message WHERE status = 'RECEIVED' "
                + "GROUP BY customer_key ORDER BY MIN(id) LIMIT 200", String.class);
    }

    /** Handles every pending message of this customer now, in order (also used by tests and tools). */
    public void drainCustomer(String customerKey) {
        for (int i = 0; i < 10_000; i++) {
            if (!routeAlone(customerKey)) {
                return; // a message stored meanwhile wakes the poller, which comes back to this customer
            }
        }
    }

    /** Handles all pending messages of all customers on the calling thread. */
    public void drainAll() {
        for (String customer : pendingCustomers()) {
            drainCustomer(customer);
        }
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
    private boolean routeAlone(String customerKey) {
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
        RoutingOutcome outcome = routeTimer.record(() -> router.route(message));
        // a resubmitted message keeps the error that sent it to the job executor
        db.jdbc().update("UPDATE inbound_message SET status = 'PROCESSED', processed_at = ?, outcome = ?, "
                + "process_instance_id = ?, error = CASE WHEN ? THEN error END WHERE id = ? AND status = 'RECEIVED'",
                Timestamp.from(clock.now()), outcome.kind(), outcome.processInstanceId(),
                RoutingOutcome.RESUBMITTED.equals(outcome.kind()), message.id());
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

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
