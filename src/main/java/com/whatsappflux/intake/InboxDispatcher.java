package com.whatsappflux.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.whatsappflux.system.Database;
import com.whatsappflux.whatsapp.InboxSignal;

/**
 * Works off the inbox. Customers with pending messages wait in a queue for one of the worker threads; a worker
 * routes that customer's messages oldest first with {@link InboxRouting}, each in one transaction together with
 * the workflow it starts or continues. A crash before the commit leaves the message RECEIVED, so it is picked up
 * again after a restart or by another node — and never twice, because "processed" commits with its effects.
 * <p>
 * When more customers wait than workers are free, a worker takes up to {@code flux.intake.batch-size} of them
 * into one round: the next message of each in one transaction (see {@link InboxRouting#routeRound}).
 */
@Component
public class InboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);

    private final Database db;
    private final InboxRouting routing;
    private final InboxBacklog backlog;
    private final InboxSignal signal;
    private final int threads;
    private final int batchSize;
    private final long pollMillis;
    private final boolean autoStart;
    /** Customers queued for a worker or being worked on: the poller does not queue them again. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<String> waitingForWorker = new LinkedBlockingQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService workers;
    private Thread poller;

    public InboxDispatcher(Database db, InboxRouting routing, InboxBacklog backlog, InboxSignal signal,
                           @Value("${flux.intake.dispatcher-threads:4}") int threads,
                           @Value("${flux.intake.batch-size:8}") int batchSize,
                           @Value("${flux.intake.poll-interval:100ms}") java.time.Duration poll,
                           @Value("${flux.intake.dispatcher-enabled:true}") boolean autoStart) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("flux.intake.batch-size must be at least 1, was " + batchSize);
        }
        this.db = db;
        this.routing = routing;
        this.backlog = backlog;
        this.signal = signal;
        this.threads = threads;
        this.batchSize = batchSize;
        this.pollMillis = poll.toMillis();
        this.autoStart = autoStart;
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
                InboxRouting.sleepQuietly(1000);
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
                    more = routing.routeRound(active);
                } catch (RuntimeException e) { // routeRound records failures itself: this is a bug, not a message
                    log.error("Inbox worker could not route {} customers: {}", active.size(), e.toString(), e);
                    more = List.of();
                    InboxRouting.sleepQuietly(1000);
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
            if (!routing.routeAlone(customerKey)) {
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
}
