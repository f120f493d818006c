package com.whatsappflux.whatsapp;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Wakes the inbox dispatcher as soon as new messages are committed, so a message is handled within
 * milliseconds instead of at the next poll. Only an optimisation: the dispatcher also polls.
 */
@Component
public class InboxSignal {

    private final Semaphore signal = new Semaphore(0);

    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Waits for a wake-up or the timeout; answers whether it was woken. */
    public boolean await(long millis) throws InterruptedException {
        boolean woken = signal.tryAcquire(millis, TimeUnit.MILLISECONDS);
        signal.drainPermits();
        return woken;
    }
}
