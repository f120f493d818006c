package com.whatsappflux.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Read receipts wait per conversation: a customer's newer message replaces the receipt still waiting. */
class ReadReceiptsTest {

    private static final String PHONE = "100000000000001";

    private final WhatsAppSender sender = mock(WhatsAppSender.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> marked = new CopyOnWriteArrayList<>();
    private final CountDownLatch metaAnswersFirst = new CountDownLatch(1);
    private ReadReceipts receipts;

    @AfterEach
    void stop() throws InterruptedException {
        metaAnswersFirst.countDown();
        receipts.stop();
    }

    @Test
    void aCustomersNewerMessageReplacesTheReceiptStillWaitingOthersGoOutOldestFirst() throws Exception {
        aFirstReceiptWaitsForMeta();

        receipts.markRead(PHONE, "919800000001", "wamid.asha.2");
        receipts.markRead(PHONE, "919800000002", "wamid.ravi.1");
        receipts.markRead(PHONE, "919800000001", "wamid.asha.3");
        metaAnswersFirst.countDown();

        Awaitility.await().until(() -> marked.size() == 3);
        assertThat(marked).containsExactly("wamid.asha.1", "wamid.asha.3", "wamid.ravi.1");
        Awaitility.await().during(Duration.ofMillis(200)).until(() -> marked.size() == 3);
        assertThat(count("superseded")).isEqualTo(1);
        Awaitility.await().until(() -> count("sent") == 3);
    }

    @Test
    void whatWaitsAtShutdownIsStillSent() throws Exception {
        aFirstReceiptWaitsForMeta();
        receipts.markRead(PHONE, "919800000002", "wamid.ravi.1");

        metaAnswersFirst.countDown();
        receipts.stop();

        assertThat(marked).containsExactly("wamid.asha.1", "wamid.ravi.1");
        receipts.markRead(PHONE, "919800000003", "wamid.late.1");
        assertThat(count("dropped")).isEqualTo(1);
    }

    @Test
    void nothingIsMarkedInSandboxModeOrForAnotherNumberOrWhenSwitchedOff() throws Exception {
        receipts = new ReadReceipts(sender, properties(""), true, meters);
        receipts.markRead(PHONE, "919800000001", "wamid.sandbox.1");
        receipts.stop();
        receipts = new ReadReceipts(sender, properties("token"), false, meters);
        receipts.markRead(PHONE, "919800000001", "wamid.off.1");
        receipts.stop();
        receipts = new ReadReceipts(sender, properties("token"), true, meters);
        receipts.markRead("200000000000002", "919800000001", "wamid.other-number.1");
        receipts.stop();

        verify(sender, never()).markRead(anyString(), anyString());
    }

    @Test
    void whileTheInboxIsBackloggedReceiptsWaitAndGoOnceItClears() {
        receipts = new ReadReceipts(sender, properties("token"), true, meters);
        metaAnswersAtOnce();
        AtomicBoolean backlogged = new AtomicBoolean(true);
        receipts.holdWhile(backlogged::get, Duration.ofSeconds(30));

        receipts.markRead(PHONE, "919800000001", "wamid.asha.1");
        receipts.markRead(PHONE, "919800000002", "wamid.ravi.1");
        receipts.markRead(PHONE, "919800000001", "wamid.asha.2");
        Awaitility.await().during(Duration.ofMillis(300)).until(marked::isEmpty);

        backlogged.set(false);
        Awaitility.await().until(() -> marked.size() == 2);
        assertThat(marked).containsExactly("wamid.asha.2", "wamid.ravi.1");
    }

    @Test
    void noReceiptWaitsLongerThanTheLongestHold() {
        receipts = new ReadReceipts(sender, properties("token"), true, meters);
        metaAnswersAtOnce();
        receipts.holdWhile(() -> true, Duration.ofMillis(300));

        long start = System.nanoTime();
        receipts.markRead(PHONE, "919800000001", "wamid.asha.1");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> marked.size() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aHoldOfZeroNeverHoldsBack() {
        receipts = new ReadReceipts(sender, properties("token"), true, meters);
        metaAnswersAtOnce();
        receipts.holdWhile(() -> true, Duration.ZERO);

        receipts.markRead(PHONE, "919800000001", "wamid.asha.1");
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> marked.size() == 1);
    }

    private void metaAnswersAtOnce() {
        when(sender.markRead(eq(PHONE), anyString())).thenAnswer(call -> {
            marked.add(call.getArgument(1));
            return CompletableFuture.completedFuture(true);
        });
    }

    /** Asha's first receipt is sent and Meta holds its answer back, so the receipts marked next have to wait. */
    private void aFirstReceiptWaitsForMeta() {
        receipts = new ReadReceipts(sender, properties("token"), true, meters);
        metaAnswersTheFirstCallLate();
        receipts.markRead(PHONE, "919800000001", "wamid.asha.1");
        Awaitility.await().until(() -> marked.size() == 1);
    }

    /** Records every call; the first one waits for {@link #metaAnswersFirst}, so the next ones queue behind it. */
    private void metaAnswersTheFirstCallLate() {
        when(sender.markRead(eq(PHONE), anyString())).thenAnswer(call -> {
            marked.add(call.getArgument(1));
            if (marked.size() == 1) {
                metaAnswersFirst.await(5, TimeUnit.SECONDS);
            }
            return CompletableFuture.completedFuture(true);
        });
    }

    private double count(String outcome) {
        var counter = meters.find("flux.whatsapp.read_receipts").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static WhatsAppProperties properties(String accessToken) {
        return new WhatsAppProperties("secret", "verify", accessToken, List.of(PHONE), "http://127.0.0.1:1", "v23.0", 80,
                3_145_728, Duration.ofSeconds(10), 3, Duration.ofMillis(500), 1);
    }
}
