package com.whatsappflux.intake;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * How far the inbox workers of this node are behind: customers handed to them that no worker has taken up yet.
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

    /** True while customers with pending messages wait for a free inbox worker. */
    public boolean isBacklogged() {
        return customersQueued.get() > 0;
    }
}
