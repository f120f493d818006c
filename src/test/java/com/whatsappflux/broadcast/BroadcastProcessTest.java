package com.whatsappflux.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.whatsappflux.testing.ProcessTestBeans;

/**
 * broadcast-follow-up and broadcast-response with their real diagrams, the real tag table and forms; the
 * delegates are stand-ins that record calls (the batch stand-in pretends 3 batches of recipients).
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/broadcast-follow-up.bpmn", "processes/broadcast-response.bpmn",
        "processes/broadcast-response-tag.dmn", "forms/create-campaign.form", "forms/call-hot-prospect.form"})
class BroadcastProcessTest {

    private final List<String> calls = new ArrayList<>();
    private final AtomicInteger pendingInitial = new AtomicInteger(3);
    private final AtomicInteger pendingReengage = new AtomicInteger(2);
    private boolean firstOptOut = true;

    @BeforeEach
    void registerStandIns() {
        Mocks.register("registerCampaignDelegate", (JavaDelegate) ex -> calls.add("register"));
        Mocks.register("prepareAudienceDelegate", (JavaDelegate) ex -> calls.add("prepare"));
        Mocks.register("sendNextBatchDelegate", (JavaDelegate) ex -> {
            String phase = (String) ex.getVariableLocal("phase");
            AtomicInteger pending = "initial".equals(phase) ? pendingInitial : pendingReengage;
            calls.add("batch:" + phase);
            ex.setVariable("remainingCount", pending.decrementAndGet());
        });
        Mocks.register("selectNonRespondersDelegate", (JavaDelegate) ex -> {
            calls.add("selectNonResponders");
            ex.setVariable("remainingCount", pendingReengage.get());
        });
        Mocks.register("markNonRespondersColdDelegate", (JavaDelegate) ex -> calls.add("cold"));
        Mocks.register("recordResponseTagDelegate", (JavaDelegate) ex -> calls.add("tag:" + ex.getVariable("responseTag")));
        Mocks.register("startCampaignLeadCaptureDelegate", (JavaDelegate) ex -> calls.add("leadCapture"));
        Mocks.register("optOutRecipientDelegate", (JavaDelegate) ex -> {
            calls.add("optOut");
            ex.setVariable("firstOptOut", firstOptOut);
        });
        Mocks.register("sendReplyDelegate", (JavaDelegate) ex -> calls.add("reply:" + ex.getVariableLocal("textKey")));
        Mocks.register("passReplyToIntakeDelegate", (JavaDelegate) ex -> calls.add("intake"));
        Mocks.register("attachTranscriptListener", (TaskListener) t -> t.setVariableLocal("transcript", "…"));
        ProcessTestBeans.registerDefaults();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // ---- the campaign ----

    @Test
    void campaignSendsInBatchesUntilNoneLeft_thenReengagesNonRespondersAndMarksTheRestCold() {
        ProcessInstance pi = startCampaign(null, true);
        runJobs(pi); // prepare audience, three batches

        assertThat(pi).isWaitingAt("timerEvent_reengageDelayPassed");
        assertThat(calls).containsExactly("register", "prepare", "batch:initial", "batch:initial", "batch:initial");

        moveClock(Duration.ofDays(2).plusMinutes(1));
        execute(timer());
        runJobs(pi);
        assertThat(pi).isWaitingAt("timerEvent_responseWindowPassed");
        moveClock(Duration.ofDays(3).plusMinutes(1));
        execute(timer());
        runJobs(pi);

        assertThat(pi).isEnded().hasPassedInOrder("startEvent_campaignCreated", "serviceTask_registerCampaign",
                "serviceTask_prepareAudience", "gateway_scheduledForLater", "serviceTask_sendNextBatch",
                "gateway_recipientsLeft", "timerEvent_reengageDelayPassed", "gateway_reengagePlanned",
                "serviceTask_selectNonResponders", "serviceTask_reengageNextBatch", "gateway_nonRespondersLeft",
                "timerEvent_responseWindowPassed", "serviceTask_markNonRespondersCold", "endEvent_campaignCompleted");
        assertThat(calls).containsSubsequence("selectNonResponders", "batch:reengage", "batch:reengage", "cold");
        assertThat(historicCount("serviceTask_sendNextBatch")).isEqualTo(3);
        assertThat(historicCount("serviceTask_reengageNextBatch")).isEqualTo(2);
    }

    @Test
    void everyBatchIsItsOwnJob_soACrashRepeatsOnlyTheCurrentBatch() {
        ProcessInstance pi = startCampaign(null, true);
        execute(job(pi));
        execute(job(pi)); // first batch
        assertThat(pi).isWaitingAt("serviceTask_sendNextBatch"); // asyncBefore: the next batch is a new, resumable job
        assertThat(runtimeService().getVariable(pi.getId(), "remainingCount")).isEqualTo(2);
    }

    @Test
    void scheduledCampaignWaitsForItsStartTime() {
        Date inTwoHours = new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofHours(2).toMillis());
        ProcessInstance pi = startCampaign(inTwoHours, true);
        execute(job(pi));
        assertThat(pi).isWaitingAt("timerEvent_scheduledTimeReached");
        assertThat(calls).doesNotContain("batch:initial");
        moveClock(Duration.ofHours(2).plusMinutes(1));
        execute(timer());
        assertThat(pi).isWaitingAt("serviceTask_sendNextBatch");
    }

    @Test
    void withoutReengagementTemplate_nonRespondersAreMarkedColdAfterTheResponseWindow() {
        ProcessInstance pi = startCampaign(null, false);
        runJobs(pi);
        moveClock(Duration.ofDays(2).plusMinutes(1));
        execute(timer());
        assertThat(pi).isWaitingAt("timerEvent_responseWindowPassed");
        moveClock(Duration.ofDays(3).plusMinutes(1));
        execute(timer());
        runJobs(pi);
        assertThat(pi).isEnded().hasNotPassed("serviceTask_selectNonResponders", "serviceTask_reengageNextBatch")
                .hasPassed("serviceTask_markNonRespondersCold");
    }

    // ---- the replies ----

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            "STOP,           ,                 opt_out",
            "NOT_INTERESTED, ,                 not_interested",
            "PRICE,          ,                 price_question",
            "INTERESTED,     ,                 interested",
            ",               stopWords,        opt_out",
            ",               declined,         not_interested",
            ",               priceQuestion,    price_question",
            ",               interestedWords,  interested",
            ",               leadIntent,       interested",
            ",               optOutIntent,     opt_out",
            ",               ,                 other"})
    void replyIsTaggedByButtonOrWords(String button, String signal, String tag) {
        Map<String, Object> vars = replyVariables(button, signal);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("broadcast-response", "campaign-7-919800000001", vars);
        execute(job(pi));
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0
                ? historicTag(pi) : runtimeService().getVariable(pi.getId(), "responseTag")).isEqualTo(tag);
        assertThat(calls).contains("tag:" + tag);
    }

    @Test
    void priceQuestionIsHot_andGoesToLeadCapture() {
        ProcessInstance pi = reply(null, "priceQuestion", "lead-capture");
        execute(job(pi)); // start lead capture (its own save point)
        assertThat(pi).isEnded().hasPassedInOrder("businessRuleTask_tagResponse", "serviceTask_recordResponseTag",
                "gateway_whichTag", "gateway_hotLeadsToSales", "serviceTask_startLeadCapture", "endEvent_hotLeadInLeadCapture");
        assertThat(calls).containsExactly("tag:price_question", "leadCapture");
    }

    @Test
    void interestedProspect_becomesACallTaskForSales_whenTheCampaignSaysSo() {
        ProcessInstance pi = reply("INTERESTED", null, "sales");
        execute(job(pi)); // tell the prospect sales will call
        assertThat(pi).isWaitingAt("userTask_callHotProspect");
        assertThat(task()).hasCandidateGroup("sales");
        complete(task(), withVariables("callOutcome", "interested"));
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("endEvent_hotProspectCalled");
        assertThat(calls).containsExactly("tag:interested", "reply:broadcast.sales.willCall");
    }

    @Test
    void notInterested_isTaggedAndGetsNoFurtherMessage() {
        ProcessInstance pi = reply(null, "declined", "lead-capture");
        assertThat(pi).isEnded().hasPassed("endEvent_prospectNotInterested");
        assertThat(calls).containsExactly("tag:not_interested");
    }

    @Test
    void stopButton_optsTheContactOut_andConfirmsOnce() {
        ProcessInstance pi = reply("STOP", null, "lead-capture");
        runJobs(pi); // opt out, confirm
        assertThat(pi).isEnded().hasPassed("serviceTask_optOutContact", "serviceTask_confirmOptOut", "endEvent_contactOptedOut");
        assertThat(calls).containsExactly("tag:opt_out", "optOut", "reply:optout.confirmed");
    }

    @Test
    void repeatedOptOut_isNotConfirmedAgain() {
        firstOptOut = false;
        ProcessInstance pi = reply("STOP", null, "lead-capture");
        runJobs(pi);
        assertThat(pi).isEnded().hasPassed("endEvent_optOutAlreadyConfirmed").hasNotPassed("serviceTask_confirmOptOut");
    }

    @Test
    void otherReply_isPassedToMessageIntake() {
        ProcessInstance pi = reply(null, null, "lead-capture");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("serviceTask_passReplyToIntake", "endEvent_replyPassedToIntake");
        assertThat(calls).containsExactly("tag:other", "intake");
    }

    // ---- helpers ----

    private ProcessInstance startCampaign(Date startAt, boolean reengage) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("campaignId", 7L);
        vars.put("startAt", startAt);
        vars.put("reengageDelay", "P2D");
        vars.put("responseWindow", "P3D");
        vars.put("reengagePlanned", reengage);
        vars.put("hotLeadRoute", "lead-capture");
        return runtimeService().startProcessInstanceByKey("broadcast-follow-up", "campaign-7", vars);
    }

    /** Runs the instance's due save points (not timers) until it waits for a timer, a task or ends. */
    private static void runJobs(ProcessInstance pi) {
        for (Job j; (j = managementService().createJobQuery().processInstanceId(pi.getId()).messages().listPage(0, 1)
                .stream().findFirst().orElse(null)) != null; ) {
            execute(j);
        }
    }

    private ProcessInstance reply(String button, String signal, String route) {
        Map<String, Object> vars = replyVariables(button, signal);
        vars.put("hotLeadRoute", route);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("broadcast-response", "campaign-7-919800000001", vars);
        execute(job(pi)); // tag response
        return pi;
    }

    private static Map<String, Object> replyVariables(String button, String signal) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("waId", "919800000001");
        vars.put("language", "en");
        vars.put("campaignId", 7L);
        vars.put("recipientId", 1L);
        vars.put("campaignName", "Diwali");
        vars.put("hotLeadRoute", "lead-capture");
        vars.put("messageText", "…");
        vars.put("buttonAction", button);
        vars.put("stopWords", "stopWords".equals(signal));
        vars.put("declined", "declined".equals(signal));
        vars.put("priceQuestion", "priceQuestion".equals(signal));
        vars.put("interestedWords", "interestedWords".equals(signal));
        vars.put("intent", "leadIntent".equals(signal) ? "lead" : "optOutIntent".equals(signal) ? "opt_out" : "other");
        vars.put("confidence", 0.9);
        return vars;
    }

    private Object historicTag(ProcessInstance pi) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
                .createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("responseTag")
                .singleResult().getValue();
    }

    private long historicCount(String activityId) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
                .createHistoricActivityInstanceQuery().activityId(activityId).finished().count();
    }

    private static Job timer() {
        return managementService().createJobQuery().timers().singleResult();
    }

    private static void moveClock(Duration by) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
    }
}
