package com.whatsappflux.whatsapp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Blue ticks: once Flux has taken a customer's message up (routed and committed), the customer sees it read.
 * Best effort and off the caller's thread — a read receipt that fails or waits for Meta never holds up or fails
 * the routing of the next message. One thread paces them under the throughput cap; Meta's answers are awaited
 * asynchronously, up to {@value #MAX_IN_FLIGHT} at a time. Meta marks the earlier messages of a conversation read
 * with the later one, so a receipt still waiting is replaced by the same customer's newer one: a customer who
 * sends five lines in a row costs one call, not five, of the number's throughput, which replies share.
 * {@code flux.whatsapp.mark-read=false} (env FLUX_WHATSAPP_MARK_READ) leaves messages unread, for a business that
 * wants staff to be the ones who "see" them.
 * <p>
 * Routing first: while {@link #holdWhile} says the inbox is backlogged, receipts wait (each at most its longest
 * hold), the way the workflows' jobs do. At a peak of 300 msgs/s sending them took a tenth of the app's CPU, for a
 * tick the customer then sees a few seconds later; what piles up meanwhile is one receipt per conversation.
 */
@Component
public class ReadReceipts {

    private static final Logger log = LoggerFactory.getLogger(ReadReceipts.class);
    /** Beyond this many conversations waiting, receipts are dropped: they are worth nothing minutes late. */
    static final int MAX_WAITING = 5_000;
    /** Receipts awaiting Meta's answer at once: at ~200 ms per answer, room for a few hundred per second. */
    static final int MAX_IN_FLIGHT = 64;

    private record Conversation(String phoneNumberId, String customerKey) {
    }

    /** The conversation's newest message and since when the conversation has waited for its receipt. */
    private record Pending(String wamid, long waitingSince) {
    }

    private final WhatsAppSender sender;
    private final WhatsAppProperties properties;
    private final boolean enabled;
    private final MeterRegistry meters;
    /** The newest waiting receipt per conversation, oldest conversation first (guarded by itself). */
    private final LinkedHashMap<Conversation, Pending> waiting = new LinkedHashMap<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Thread worker;
    private volatile boolean running = true;
    private volatile BooleanSupplier busy = () -> false;
    private volatile long maxHoldNanos;

    public ReadReceipts(WhatsAppSender sender, WhatsAppProperties properties,
                        @Value("${flux.whatsapp.mark-read:true}") boolean enabled, MeterRegistry meters) {
        this.sender = sender;
        this.properties = properties;
        this.enabled = enabled;
        this.meters = meters;
        this.worker = new Thread(this::work, "read-receipts");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * While {@code busy} answers true, receipts wait; none longer than {@code maxHold} (zero: never held back).
     * The busy state is polled, not signalled: a receipt goes at most 20 ms after it clears.
     */
    public void holdWhile(BooleanSupplier busy, Duration maxHold) {
        this.maxHoldNanos = maxHold.toNanos();
        this.busy = busy;
    }

    /** Queues the receipt for message {@code wamid} that customer {@code customerKey} sent to {@code phoneNumberId}. */
    public void markRead(String phoneNumberId, String customerKey, String wamid) {
        if (!enabled || properties.sandbox() || wamid == null || !properties.isConfiguredNumber(phoneNumberId)) {
            return;
        }
        Conversation conversation = new Conversation(phoneNumberId, customerKey);
        Pending superseded;
        synchronized (waiting) {
            if (!running || (waiting.size() >= MAX_WAITING && !waiting.containsKey(conversation))) {
                count("dropped");
                return;
            }
            // a customer's messages are routed oldest first, so this one is the newer; the conversation keeps its place
            Pending earlier = waiting.get(conversation);
            superseded = waiting.put(conversation, new Pending(wamid, earlier == null ? System.nanoTime() : earlier.waitingSince()));
            waiting.notifyAll();
        }
        if (superseded != null) {
            count("superseded");
        }
    }

    /** On the receipts thread: takes the oldest conversation's receipt, waits for a free slot, never for Meta. */
    private void work() {
        try {
            Map.Entry<Conversation, Pending> next;
            while ((next = take()) != null) {
                inFlight.acquire();
                send(next.getKey().phoneNumberId(), next.getValue().wamid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down and out of time: what still waits is dropped
        }
    }

    /** The oldest waiting receipt once it may go; null once stopped and all are sent. */
    private Map.Entry<Conversation, Pending> take() throws InterruptedException {
        synchronized (waiting) {
            while (true) {
                if (waiting.isEmpty()) {
                    if (!running) {
                        return null;
                    }
                    waiting.wait();
                    continue;
                }
                Map.Entry<Conversation, Pending> oldest = waiting.entrySet().iterator().next();
                if (running && System.nanoTime() - oldest.getValue().waitingSince() < maxHoldNanos && busy.getAsBoolean()) {
                    waiting.wait(20);
                    continue;
                }
                waiting.remove(oldest.getKey());
                return oldest;
            }
        }
    }

    private void send(String phoneNumberId, String wamid) {
        try {
            sender.markRead(phoneNumberId, wamid).whenComplete((confirmed, failure) -> {
                inFlight.release();
                if (failure != null) {
                    log.info("Read receipt for {} failed: {}", wamid, failure.toString());
                }
                count(Boolean.TRUE.equals(confirmed) ? "sent" : "failed");
            });
        } catch (RuntimeException e) {
            inFlight.release();
            log.info("Read receipt for {} failed: {}", wamid, e.toString());
            count("failed");
        }
    }

    private void count(String outcome) {
        meters.counter("flux.whatsapp.read_receipts", "outcome", outcome).increment();
    }

    /** Sends what still waits (for up to 5 s), then stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        synchronized (waiting) {
            running = false;
            waiting.notifyAll();
        }
        worker.join(5_000);
        worker.interrupt();
    }
}
