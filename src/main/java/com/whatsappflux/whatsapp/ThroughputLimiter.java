package com.whatsappflux.whatsapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.springframework.stereotype.Component;

/**
 * Keeps outbound sends under Meta's throughput cap per business number, across all threads of this node.
 * Each send reserves the next free slot (1/rate apart) and sleeps until it: an exact, smooth rate with no
 * bursts. With several nodes each takes its share of the cap ({@code cluster-nodes}).
 */
@Component
public class ThroughputLimiter {

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private volatile long intervalNanos;

    public ThroughputLimiter(WhatsAppProperties properties) {
        setRate((double) properties.maxMessagesPerSecond() / Math.max(1, properties.clusterNodes()));
    }

    /** Messages per second for this node; 0 or less lifts the cap. */
    public final void setRate(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    public void acquire(String phoneNumberId) {
        long interval = intervalNanos;
        if (interval == 0) {
            return;
        }
        long at = slots.computeIfAbsent(phoneNumberId, id -> new Slot()).reserve(interval);
        long wait;
        while ((wait = at - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static final class Slot {
        private long next = System.nanoTime();

        synchronized long reserve(long interval) {
            long now = System.nanoTime();
            long at = Math.max(now, next);
            next = at + interval;
            return at;
        }
    }
}
