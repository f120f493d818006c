package com.whatsappflux.whatsapp;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
 * asynchronously, up to {@value #MAX_IN_FLIGHT} at a time. {@code flux.whatsapp.mark-read=false} (env FLUX_WHATSAPP_MARK_READ) leaves
 * messages unread, for a business that wants staff to be the ones who "see" them.
 */
@Component
public class ReadReceipts {

    private static final Logger log = LoggerFactory.getLogger(ReadReceipts.class);
    /** Beyond this backlog receipts are dropped: they are worth nothing minutes late. */
    static final int MAX_WAITING = 5_000;
    /** Receipts awaiting Meta's answer at once: at ~200 ms per answer, room for a few hundred per second. */
    static final int MAX_IN_FLIGHT = 64;

    private final WhatsAppSender sender;
    private final WhatsAppProperties properties;
    private final boolean enabled;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor worker;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    public ReadReceipts(WhatsAppSender sender, WhatsAppProperties properties,
                        @Value("${flux.whatsapp.mark-read:true}") boolean enabled, MeterRegistry meters) {
        this.sender = sender;
        this.properties = properties;
        this.enabled = enabled;
        this.meters = meters;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_WAITING), r -> {
            Thread t = new Thread(r, "read-receipts");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the receipt for a message the customer sent to {@code phoneNumberId}. */
    public void markRead(String phoneNumberId, String wamid) {
        if (!enabled || properties.sandbox() || wamid == null || !properties.isConfiguredNumber(phoneNumberId)) {
            return;
        }
        try {
            worker.execute(() -> send(phoneNumberId, wamid));
        } catch (RejectedExecutionException backlogFullOrShutDown) {
            count("dropped");
        }
    }

    /** On the receipts thread: waits for a free slot (in flight, then the throughput cap), never for Meta. */
    private void send(String phoneNumberId, String wamid) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            count("dropped");
            return;
        }
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

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
