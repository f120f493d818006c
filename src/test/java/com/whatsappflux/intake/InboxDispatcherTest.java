package com.whatsappflux.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.CustomerLock;
import com.whatsappflux.system.Database;
import com.whatsappflux.system.EngineCommand;
import com.whatsappflux.whatsapp.InboxSignal;
import com.whatsappflux.whatsapp.ReadReceipts;

/** How often the dispatcher asks the database which customers wait while its workers are busy, and how they take them up. */
class InboxDispatcherTest {

    private static final String PENDING_CUSTOMERS = "GROUP BY customer_key";

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final CustomerLock customerLock = mock(CustomerLock.class);
    private final InboxSignal signal = new InboxSignal();
    private final InboxBacklog backlog = new InboxBacklog();
    private final CountDownLatch routingMayFinish = new CountDownLatch(1);
    private InboxDispatcher dispatcher;

    @AfterEach
    void stop() {
        routingMayFinish.countDown();
        dispatcher.stop();
    }

    @Test
    void withEnoughCustomersQueuedNewMessagesDoNotMakeItReadTheBacklogAgain() throws InterruptedException {
        List<String> waiting = IntStream.range(0, 10).mapToObj(i -> "9198000000" + i).toList();
        when(jdbc.queryForList(contains(PENDING_CUSTOMERS), eq(String.class))).thenReturn(waiting);
        when(customerLock.tryLockForTransaction(anyString())).thenAnswer(call -> {
            routingMayFinish.await(10, TimeUnit.SECONDS); // routing is slow: the workers stay busy
            return false;
        });
        dispatcher = dispatcher(2);
        dispatcher.start();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(customerLock, times(2)).tryLockForTransaction(anyString()));

        for (int i = 0; i < 30; i++) { // messages keep arriving: each stored message wakes the dispatcher
            signal.wake();
            Thread.sleep(5);
        }

        verify(jdbc, times(1)).queryForList(contains(PENDING_CUSTOMERS), eq(String.class));
        routingMayFinish.countDown();
        // once the queue runs short the dispatcher looks again
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> verify(jdbc, atLeast(2)).queryForList(contains(PENDING_CUSTOMERS), eq(String.class)));
    }

    @Test
    void customersWaitingForAWorkerMakeTheInboxBackloggedUntilTheyAreTakenUp() {
        List<String> waiting = IntStream.range(0, 10).mapToObj(i -> "9198000000" + i).toList();
        when(jdbc.queryForList(contains(PENDING_CUSTOMERS), eq(String.class))).thenReturn(waiting).thenReturn(List.of());
        when(customerLock.tryLockForTransaction(anyString())).thenAnswer(call -> {
            routingMayFinish.await(10, TimeUnit.SECONDS);
            return false;
        });
        dispatcher = dispatcher(2);
        assertThat(backlog.isBacklogged()).isFalse();
        dispatcher.start();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> verify(customerLock, times(2)).tryLockForTransaction(anyString()));

        assertThat(backlog.isBacklogged()).as("8 customers wait for the 2 busy workers").isTrue();
        routingMayFinish.countDown();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(backlog.isBacklogged()).isFalse());
        verify(customerLock, times(10)).tryLockForTransaction(anyString());
    }

    @Test
    void withIdleWorkersEachStoredMessageIsLookedForAtOnce() {
        when(jdbc.queryForList(contains(PENDING_CUSTOMERS), eq(String.class))).thenReturn(List.of());
        dispatcher = dispatcher(2);
        dispatcher.start();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> verify(jdbc, times(1)).queryForList(contains(PENDING_CUSTOMERS), eq(String.class)));

        for (int polls = 2; polls <= 4; polls++) { // each within the idle poll interval of 5 s
            signal.wake();
            int expected = polls;
            await().atMost(Duration.ofSeconds(2)).untilAsserted(
                    () -> verify(jdbc, times(expected)).queryForList(contains(PENDING_CUSTOMERS), eq(String.class)));
        }
    }

    @Test
    void customersNoWorkerTookUpAreLetGoWhenTheDispatcherStops() {
        List<String> waiting = IntStream.range(0, 10).mapToObj(i -> "9198000000" + i).toList();
        when(jdbc.queryForList(contains(PENDING_CUSTOMERS), eq(String.class))).thenReturn(waiting);
        when(customerLock.tryLockForTransaction(anyString())).thenAnswer(call -> {
            routingMayFinish.await(10, TimeUnit.SECONDS);
            return false;
        });
        dispatcher = dispatcher(1);
        dispatcher.start();
        await().atMost(Duration.ofSeconds(5)).until(backlog::isBacklogged);

        new Thread(() -> {
            sleep(200);
            routingMayFinish.countDown(); // the busy worker finishes its customer while the dispatcher stops
        }).start();
        dispatcher.stop();

        assertThat(backlog.isBacklogged()).as("no job is held back for customers nobody will route").isFalse();
        verify(customerLock, times(1)).tryLockForTransaction(anyString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aWorkerTakesSeveralWaitingCustomersIntoOneRoundButNoMoreThanTheBatchSize() {
        List<String> waiting = IntStream.range(0, 10).mapToObj(i -> "9198000000" + i).toList();
        when(jdbc.queryForList(contains(PENDING_CUSTOMERS), eq(String.class))).thenReturn(waiting).thenReturn(List.of());
        List<Integer> rounds = new CopyOnWriteArrayList<>();
        when(customerLock.tryLockForTransaction(anyString())).thenAnswer(call -> {
            rounds.add(1);
            letThePollerQueueTheRest(rounds);
            return false; // another node has the customer: nothing to route here
        });
        when(customerLock.tryLockAllForTransaction(anyList())).thenAnswer(call -> {
            rounds.add(call.<List<String>>getArgument(0).size());
            letThePollerQueueTheRest(rounds);
            return List.of();
        });
        dispatcher = dispatcher(1, 4);
        dispatcher.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.stream().mapToInt(Integer::intValue).sum() == 10);
        assertThat(rounds).as("customers per round").allMatch(size -> size <= 4).anyMatch(size -> size > 1);
        assertThat(rounds.size()).isLessThan(10);
        assertThat(backlog.isBacklogged()).isFalse();
    }

    /**
     * The worker may take the first customer while the poller is still queuing the others (on a busy machine even one
     * at a time): the first round lasts long enough for the other nine to be waiting when it ends.
     */
    private static void letThePollerQueueTheRest(List<Integer> rounds) throws InterruptedException {
        if (rounds.size() == 1) {
            Thread.sleep(300);
        }
    }

    private InboxDispatcher dispatcher(int threads) {
        return dispatcher(threads, 1);
    }

    private InboxDispatcher dispatcher(int threads, int batchSize) {
        Database db = mock(Database.class);
        when(db.jdbc()).thenReturn(jdbc);
        EngineCommand engine = mock(EngineCommand.class);
        when(engine.run(any())).thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
        InboxRouting routing = new InboxRouting(db, customerLock, mock(ConversationRouter.class), mock(ReadReceipts.class),
                new TransactionTemplate(mock(PlatformTransactionManager.class)), engine,
                new BusinessClock("Asia/Kolkata"), new SimpleMeterRegistry());
        return new InboxDispatcher(db, routing, backlog, signal, threads, batchSize, Duration.ofSeconds(1), false);
    }
}
