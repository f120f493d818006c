package com.whatsappflux.intake;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * How far the inbox workers of this node are behind: customers queued for them that no worker has taken up yet,
 * and customers a worker took into a round behind another customer's message (they wait until the round ends).
 * The dispatcher keeps the count; {@link InboxFirstTaskExecutor} reads it to let routing go first.
 */
@Component
public class InboxBacklog {

    private final AtomicInteger customersQueued = new AtomicInteger();

    void customerQueued() {
        customersQueued.incrementAndGet();
    }

    void customerTakenUp() {
        customersQueued.decrementAndGet();
    }

    /** True while customers with pending messages wait for an inbox worker. */
    public boolean isBacklogged() {
        return customersQueued.get() > 0;
    }
}
