package com.whatsappflux.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.TaskRejectedException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The job acquisition hands batches over freely, except while the inbox is backlogged. */
class InboxFirstTaskExecutorTest {

    private final ExecutorService jobThreads = Executors.newCachedThreadPool();
    private final ExecutorService acquisition = Executors.newSingleThreadExecutor();
    private final InboxBacklog backlog = new InboxBacklog();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch batchesMayFinish = new CountDownLatch(1);
    private final AtomicInteger started = new AtomicInteger();

    @AfterEach
    void stop() {
        batchesMayFinish.countDown();
        jobThreads.shutdownNow();
        acquisition.shutdownNow();
    }

    @Test
    void withAnEmptyInboxEveryBatchRunsAtOnce() {
        InboxFirstTaskExecutor executor = executor(2, Duration.ofSeconds(30));

        for (int i = 0; i < 10; i++) {
            executor.execute(this::slowBatch);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 10);
        assertThat(executor.running()).isEqualTo(10);
    }

    @Test
    void whileTheInboxIsBackloggedOnlyTheAllowedBatchesRunAndTheNextWaitsForOneToFinish() throws Exception {
        InboxFirstTaskExecutor executor = executor(2, Duration.ofSeconds(30));
        backlog.customerQueued();
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        executor.execute(() -> {
            started.incrementAndGet();
            awaitQuietly(firstMayFinish);
        });
        executor.execute(this::slowBatch);

        Future<?> third = acquisition.submit(() -> executor.execute(this::slowBatch));

        Thread.sleep(300);
        assertThat(third).as("the acquisition waits for a free slot").isNotDone();
        assertThat(started).hasValue(2);
        firstMayFinish.countDown();
        third.get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 3);
        assertThat(meters.get("flux.jobs.held.back").timer().count()).isEqualTo(1);
    }

    @Test
    void aBatchHeldBackRunsAsSoonAsTheInboxIsWorkedOff() throws Exception {
        InboxFirstTaskExecutor executor = executor(1, Duration.ofSeconds(30));
        backlog.customerQueued();
        executor.execute(this::slowBatch);
        Future<?> second = acquisition.submit(() -> executor.execute(this::slowBatch));
        Thread.sleep(200);
        assertThat(second).isNotDone();

        backlog.customerTakenUp();

        second.get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 2);
    }

    @Test
    void noBatchIsHeldBackLongerThanTheLongestHold() throws Exception {
        InboxFirstTaskExecutor executor = executor(1, Duration.ofMillis(300));
        backlog.customerQueued();
        executor.execute(this::slowBatch);

        long start = System.nanoTime();
        acquisition.submit(() -> executor.execute(this::slowBatch)).get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 2);
        assertThat(meters.get("flux.jobs.held.back.expired").counter().count()).isEqualTo(1);
    }

    @Test
    void aRejectedBatchGivesItsSlotBack() {
        InboxFirstTaskExecutor executor = new InboxFirstTaskExecutor(task -> {
            throw new TaskRejectedException("pool full");
        }, backlog, 1, Duration.ofSeconds(30), meters);
        backlog.customerQueued();

        assertThatThrownBy(() -> executor.execute(this::slowBatch)).isInstanceOf(TaskRejectedException.class);

        assertThat(executor.running()).isZero();
    }

    @Test
    void atLeastOneBatchMustBeAllowed() {
        assertThatThrownBy(() -> executor(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private InboxFirstTaskExecutor executor(int batchesWhileBacklogged, Duration maxHold) {
        return new InboxFirstTaskExecutor(jobThreads::execute, backlog, batchesWhileBacklogged, maxHold, meters);
    }

    private void slowBatch() {
        started.incrementAndGet();
        awaitQuietly(batchesMayFinish);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
