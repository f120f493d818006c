package com.whatsappflux.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.whatsappflux.conversation.AwaitingReplies;
import com.whatsappflux.conversation.AwaitingReplies.Awaiting;
import com.whatsappflux.crm.ContactService;
import com.whatsappflux.intent.Classification;
import com.whatsappflux.intent.Entities;
import com.whatsappflux.intent.Intent;
import com.whatsappflux.intent.IntentClassifier;
import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.whatsapp.InboundMessageParser;
import com.whatsappflux.whatsapp.OutboxRepository;

/** Which way a new message enters message-intake: in the caller's transaction, or queued for the job executor. */
class ConversationRouterTest {

    private static final String CUSTOMER = "919812345678";

    private final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    private final IntentClassifier classifier = mock(IntentClassifier.class);
    private final AwaitingReplies awaiting = mock(AwaitingReplies.class);
    private ConversationRouter router;

    @BeforeEach
    void router() {
        ProcessInstance queued = mock(ProcessInstance.class);
        when(queued.getProcessInstanceId()).thenReturn("queued-instance");
        when(runtime.startProcessInstanceByMessage(eq(IntakeProcess.QUEUED), eq(CUSTOMER), anyMap())).thenReturn(queued);
        router = new ConversationRouter(new InboundMessageParser(), mock(ContactService.class), awaiting,
                mock(OutboxRepository.class), classifier, runtime, new ObjectMapper(), new SimpleMeterRegistry(),
                new BusinessClock("Asia/Kolkata"));
    }

    @Test
    void aNewMessageRunsTheIntakeInTheCallersTransaction() {
        RoutingOutcome outcome = router.route(message(0));
        assertThat(outcome.kind()).isEqualTo("intake-started");
        verify(runtime).createProcessInstanceByKey(IntakeProcess.KEY);
        verify(runtime, never()).startProcessInstanceByMessage(anyString(), anyString(), anyMap());
    }

    @Test
    void aMessageWhoseRoutingFailedIsQueuedForTheJobExecutor() {
        RoutingOutcome outcome = router.route(message(1));
        assertThat(outcome).isEqualTo(new RoutingOutcome("intake-resubmitted", "queued-instance"));
        verify(runtime, never()).createProcessInstanceByKey(anyString());
    }

    @Test
    void withARemoteClassifierEveryMessageIsQueued_soTheCallHoldsNoInboxTransaction() {
        when(classifier.callsRemoteService()).thenReturn(true);
        RoutingOutcome outcome = router.route(message(0));
        assertThat(outcome).isEqualTo(new RoutingOutcome("intake-queued", "queued-instance"));
        verify(runtime, never()).createProcessInstanceByKey(anyString());
    }

    @Test
    void aReplyToAWaitingWorkflowIsJudgedInProcess_evenWhenNewWorkGoesToARemoteClassifier() {
        IntentClassifier builtIn = mock(IntentClassifier.class);
        when(classifier.callsRemoteService()).thenReturn(true);
        when(classifier.inProcess()).thenReturn(builtIn);
        when(builtIn.classify(anyString())).thenReturn(new Classification(Intent.LEAD, 0.97, "en", Entities.NONE));
        when(awaiting.latestFor(CUSTOMER)).thenReturn(Optional.of(new Awaiting(7, CUSTOMER, "lead-instance",
                "customerReplied", "lead", null, Instant.parse("2026-12-04T00:59:00Z"))));

        RoutingOutcome outcome = router.route(message(0));

        assertThat(outcome).isEqualTo(new RoutingOutcome("correlated", "lead-instance"));
        verify(builtIn).classify("price of the 43 inch TV?");
        verify(classifier, never()).classify(anyString());
        verify(classifier, never()).classify(anyString(), any());
    }

    private static StoredInbound message(int attempts) {
        String json = "{\"from\":\"" + CUSTOMER + "\",\"id\":\"wamid.1\",\"timestamp\":\"1764800000\",\"type\":\"text\","
                + "\"text\":{\"body\":\"price of the 43 inch TV?\"}}";
        return new StoredInbound(1, "wamid.1", "106540352242922", CUSTOMER, CUSTOMER, null, "Asha", "text",
                "price of the 43 inch TV?", null, json, Instant.parse("2026-12-04T01:00:00Z"), attempts);
    }
}
