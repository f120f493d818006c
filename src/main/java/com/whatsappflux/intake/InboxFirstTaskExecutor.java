package com.whatsappflux.intake;

import java.time.Duration;

import org.springframework.core.task.TaskExecutor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Camunda's job executor, told to let the inbox go first. While customers' messages wait for an inbox worker, at
 * most {@code batchesWhileBacklogged} batches of jobs run at once on this node; the job acquisition waits for a free
 * slot before it hands over the next batch (so no further jobs are locked meanwhile). Routing a message — classify
 * it, start or continue its workflow — then has the CPU and the database first, and the workflows' follow-up work
 * (replies, reminders, campaign sends) takes the rest and catches up when the inbox is worked off.
 *
 * <p>Why: on a saturated machine the two fight for the same cores and the same connection pool, and both slow down
 * more than their shares would say (measured: routing alone 305 msgs/s, the jobs alone 190, both at once 96). A
 * batch is never held back longer than {@code maxHold}, so jobs always progress and the engine can shut down.
 */
public class InboxFirstTaskExecutor implements TaskExecutor {

    private final TaskExecutor jobThreads;
    private final InboxBacklog backlog;
    private final int batchesWhileBacklogged;
    private final long maxHoldNanos;
    private final Object slots = new Object();
    private final Timer heldBack;
    private final Counter releasedByMaxHold;
    private int running;

    public InboxFirstTaskExecutor(TaskExecutor jobThreads, InboxBacklog backlog, int batchesWhileBacklogged,
                                  Duration maxHold, MeterRegistry meters) {
        if (batchesWhileBacklogged < 1) {
            throw new IllegalArgumentException("at least one batch of jobs must be allowed to run");
        }
        this.jobThreads = jobThreads;
        this.backlog = backlog;
        this.batchesWhileBacklogged = batchesWhileBacklogged;
        this.maxHoldNanos = maxHold.toNanos();
        this.heldBack = Timer.builder("flux.jobs.held.back")
                .description("how long a batch of jobs waited because the inbox was backlogged").register(meters);
        this.releasedByMaxHold = Counter.builder("flux.jobs.held.back.expired")
                .description("batches of jobs that ran after the longest hold although the inbox was still backlogged")
                .register(meters);
    }

    /** Called by the job acquisition thread with one batch of acquired jobs. */
    @Override
    public void execute(Runnable batch) {
        waitForSlot();
        try {
            jobThreads.execute(() -> {
                try {
                    batch.run();
                } finally {
                    release();
                }
            });
        } catch (RuntimeException rejected) {
            release(); // Camunda's rejected-jobs handler takes it from here
            throw rejected;
        }
    }

    private void waitForSlot() {
        long start = System.nanoTime();
        boolean waited = false;
        synchronized (slots) {
            while (backlog.isBacklogged() && running >= batchesWhileBacklogged) {
                long left = maxHoldNanos - (System.nanoTime() - start);
                if (left <= 0) {
                    releasedByMaxHold.increment();
                    break;
                }
                waited = true;
                try {
                    // the backlog clearing is not signalled: a short wait notices it soon enough
                    slots.wait(Math.min(Duration.ofNanos(left).toMillis() + 1, 20));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // shutting down: hand the batch over, the executor decides
                    break;
                }
            }
            running++;
        }
        if (waited) {
            heldBack.record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void release() {
        synchronized (slots) {
            running--;
            slots.notifyAll();
        }
    }

    /** Batches running or handed to the job threads (for tests and diagnostics). */
    int running() {
        synchronized (slots) {
            return running;
        }
    }
}
