package com.whatsappflux.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
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

import com.whatsappflux.testing.ProcessTestBeans;

/** lead-capture with its real diagram, real lead-score table and forms; delegates are stand-ins that record calls. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/lead-capture.bpmn", "processes/lead-score.dmn", "forms/close-hot-lead.form",
        "forms/follow-up-lead.form"})
class LeadCaptureProcessTest {

    static final String WA_ID = "919812345678";

    /** {@code ${leadSettings.*}} in process tests: plain clock time. */
    public static class StubLeadSettings {
        public String getNudgeDelay() {
            return "PT4H";
        }

        public String getUnresponsiveAfterNudge() {
            return "PT20H";
        }

        public String getHotLeadSla() {
            return "PT30M";
        }

        public String getFollowUpTaskSla() {
            return "PT8H";
        }

        public Date followUpAt(Object date) {
            return Date.from(LocalDate.parse(date.toString()).atTime(10, 0).atZone(ZoneId.of("Asia/Kolkata")).toInstant());
        }
    }

    /** After hours: the business is closed. */
    public static class ClosedBusinessHours extends ProcessTestBeans.StubBusinessHours {
        @Override
        public boolean isOpen() {
            return false;
        }
    }

    /** Injected by the extension; named explicitly because an end-to-end test's engine may share the JVM. */
    org.camunda.bpm.engine.ProcessEngine processEngine;

    private final List<String> calls = new ArrayList<>();
    /** What the customer's answers mean, one entry per answer: budgetBand, timeline, kind. */
    private final Deque<String[]> answers = new ArrayDeque<>();
    private int questionsAnswered;
    private static final int QUESTIONS = 4;
    private boolean nudgeWindowOpen = true;

    @BeforeEach
    void registerStandIns() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-11-24T05:30:00Z")));
        Mocks.register("recordLeadDelegate", (JavaDelegate) ex -> {
            calls.add("recordLead:" + ex.getVariable("messageText"));
            ex.setVariable(LeadProcess.LEAD_ID, 42L);
            ex.setVariable(LeadProcess.EXISTING_CUSTOMER, false);
            ex.setVariable(LeadProcess.BUDGET_BAND, LeadProcess.UNKNOWN);
            ex.setVariable(LeadProcess.TIMELINE, LeadProcess.UNKNOWN);
            ex.setVariable(LeadProcess.LEAD_SOURCE, ex.hasVariable("leadSource") && ex.getVariable("leadSource") != null
                    ? ex.getVariable("leadSource") : "organic");
        });
        Mocks.register("sendReplyDelegate", (JavaDelegate) ex -> calls.add("reply:" + ex.getVariableLocal("textKey")));
        Mocks.register("askQualificationQuestionDelegate", (JavaDelegate) ex -> calls.add("ask:" + questionsAnswered));
        Mocks.register("recordAnswerDelegate", (JavaDelegate) ex -> {
            String[] meaning = answers.isEmpty() ? new String[] {null, null, "answer"} : answers.poll();
            calls.add("answer:" + ex.getVariable("replyText"));
            if (meaning[0] != null) {
                ex.setVariable(LeadProcess.BUDGET_BAND, meaning[0]);
            }
            if (meaning[1] != null) {
                ex.setVariable(LeadProcess.TIMELINE, meaning[1]);
            }
            ex.setVariable(LeadProcess.ANSWER_KIND, meaning[2]);
            if ("answer".equals(meaning[2])) {
                questionsAnswered++;
            }
            ex.setVariable(LeadProcess.QUESTIONS_REMAINING, questionsAnswered < QUESTIONS);
        });
        Mocks.register("passQuestionToSalesDelegate", (JavaDelegate) ex -> calls.add("questionToSales:" + ex.getVariable("replyText")));
        Mocks.register("sendLeadNudgeDelegate", (JavaDelegate) ex -> {
            if (!nudgeWindowOpen) {
                throw new BpmnError("outsideServiceWindow");
            }
            calls.add("nudge");
        });
        Mocks.register("markLeadUnresponsiveDelegate", (JavaDelegate) ex -> calls.add("unresponsive"));
        Mocks.register("saveLeadScoreDelegate", (JavaDelegate) ex -> calls.add("score:" + ex.getVariable("leadScore")));
        Mocks.register("assignSalesOwnerDelegate", (JavaDelegate) ex -> {
            calls.add("assign");
            ex.setVariable(LeadProcess.SALES_OWNER, "priya");
        });
        Mocks.register("notifySalesOwnerDelegate", (JavaDelegate) ex -> calls.add("notifyOwner:" + ex.getVariable("salesOwner")));
        Mocks.register("escalateHotLeadDelegate", (JavaDelegate) ex -> calls.add("escalate"));
        Mocks.register("tagLeadForNurtureDelegate", (JavaDelegate) ex -> calls.add("nurture:" + ex.getVariableLocal("reason")));
        Mocks.register("recordLeadOutcomeDelegate", (JavaDelegate) ex -> calls.add("outcome:" + ex.getVariable("outcome")));
        Mocks.register("updateLeadMessageDelegate", (JavaDelegate) ex -> calls.add("updateLead:" + ex.getVariable("messageText")));
        Mocks.register("attachTranscriptListener", (TaskListener) t -> t.setVariableLocal("transcript", "…"));
        Mocks.register("attachLeadSummaryListener", (TaskListener) t -> t.setVariableLocal("leadSummary", "TV, ₹10k–50k"));
        Mocks.register("leadSettings", new StubLeadSettings());
        ProcessTestBeans.registerDefaults();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void hotLeadBecomesCloseHotLeadTaskForItsOwner_andWonIsWrittenBack() {
        answers.add(new String[] {null, null, "answer"});
        answers.add(new String[] {"above_50k", null, "answer"});
        answers.add(new String[] {null, "this_week", "answer"});
        answers.add(new String[] {null, null, "answer"});
        ProcessInstance pi = start("I want to buy a 55 inch TV");
        answerAll(pi, "TV", "Above ₹50k", "This week", "560034");

        assertThat(pi).isWaitingAt(LeadProcess.TASK_CLOSE_HOT_LEAD);
        assertThat(task()).isAssignedTo("priya").hasDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(30))));
        assertThat(taskService().getVariableLocal(task().getId(), "leadSummary")).isEqualTo("TV, ₹10k–50k");
        complete(task(), withVariables("outcome", "won", "dealValue", 58000, "outcomeNotes", "Paid advance"));
        runJobs();

        assertThat(pi).isEnded().hasPassedInOrder("startEvent_leadReceived", "serviceTask_recordLead",
                "serviceTask_sendInstantReply", "serviceTask_askQualificationQuestion", "catchEvent_answerReceived",
                "serviceTask_recordAnswer", "businessRuleTask_scoreLead", "serviceTask_saveLeadScore",
                "serviceTask_assignSalesOwner", "serviceTask_notifySalesOwner", "serviceTask_tellCustomerTeamWillCall",
                LeadProcess.TASK_CLOSE_HOT_LEAD, "serviceTask_recordOutcome", "endEvent_leadWon");
        assertThat(calls).containsSequence("recordLead:I want to buy a 55 inch TV", "reply:lead.welcome", "ask:0");
        assertThat(calls).containsSubsequence("ask:3", "answer:560034", "score:hot", "assign", "notifyOwner:priya",
                "reply:lead.hot.customer", "outcome:won");
        assertThat(calls).filteredOn(c -> c.startsWith("ask:")).hasSize(4);
    }

    @Test
    void warmLeadBecomesFollowUpTaskWithLaterDueDate() {
        answers.add(new String[] {null, null, "answer"});
        answers.add(new String[] {"10k_50k", null, "answer"});
        answers.add(new String[] {null, "later", "answer"});
        ProcessInstance pi = start("fridge price?");
        answerAll(pi, "Fridge", "₹10k–50k", "Later", "Chennai");

        assertThat(pi).isWaitingAt(LeadProcess.TASK_FOLLOW_UP_LEAD);
        assertThat(task()).hasCandidateGroup("sales").hasDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(8))));
        assertThat(calls).contains("score:warm", "reply:lead.warm.customer").doesNotContain("assign");
        complete(task(), withVariables("outcome", "lost", "outcomeNotes", "Bought elsewhere"));
        runJobs();
        assertThat(pi).isEnded().hasPassed("endEvent_leadLost");
        assertThat(calls).contains("outcome:lost");
    }

    @Test
    void coldLeadGetsPoliteClosingMessageAndNurtureTag() {
        answers.add(new String[] {null, null, "answer"});
        answers.add(new String[] {"under_10k", null, "answer"});
        answers.add(new String[] {null, "later", "answer"});
        ProcessInstance pi = start("mixer price");
        answerAll(pi, "Mixer", "Under ₹10k", "Later", "Madurai");

        assertThat(pi).isEnded().hasPassedInOrder("businessRuleTask_scoreLead", "serviceTask_sendClosingMessage",
                "serviceTask_tagForNurture", "endEvent_leadNurtured");
        assertThat(calls).containsSubsequence("score:cold", "reply:lead.cold.closing", "nurture:cold");
    }

    @Test
    void silentCustomerIsNudgedOnce_thenMarkedUnresponsive() {
        ProcessInstance pi = start("hi, I need an AC");
        assertThat(pi).isWaitingAt("gateway_answerReceived");

        travel(Duration.ofHours(4).plusMinutes(1));
        assertThat(pi).isWaitingAt("gateway_answerAfterNudge");
        assertThat(calls).containsOnlyOnce("nudge");

        travel(Duration.ofHours(20).plusMinutes(1));
        assertThat(pi).isEnded().hasPassedInOrder("serviceTask_askQualificationQuestion", "timerEvent_nudgeDelayPassed",
                "serviceTask_sendNudge", "timerEvent_noAnswerAfterNudge", "serviceTask_markUnresponsive",
                "endEvent_leadUnresponsive");
        assertThat(calls).containsOnlyOnce("nudge").contains("unresponsive");
    }

    @Test
    void customerWhoAnswersAfterTheNudgeCarriesOn() {
        ProcessInstance pi = start("need a washing machine");
        travel(Duration.ofHours(4).plusMinutes(1));
        reply(pi, "sorry, washing machine", null);
        assertThat(pi).isWaitingAt("gateway_answerReceived");
        assertThat(calls).containsSubsequence("nudge", "answer:sorry, washing machine", "ask:1");
    }

    @Test
    void nudgeOutsideTheServiceWindowClosesLeadAsUnresponsive() {
        nudgeWindowOpen = false;
        ProcessInstance pi = start("need a TV");
        travel(Duration.ofHours(4).plusMinutes(1));
        assertThat(pi).isEnded().hasPassed("boundaryEvent_nudgeWindowClosed", "endEvent_leadUnresponsive");
    }

    @Test
    void afterHoursEnquiryGetsInstantReplySayingWhenTheTeamWillCall() {
        Mocks.register("businessHours", new ClosedBusinessHours());
        ProcessInstance pi = start("11 PM: TV price batao");
        assertThat(pi).isWaitingAt("gateway_answerReceived").hasPassed("serviceTask_sendAfterHoursReply")
                .hasNotPassed("serviceTask_sendInstantReply");
        assertThat(calls).containsSequence("recordLead:11 PM: TV price batao", "reply:lead.welcome.afterHours", "ask:0");
    }

    @Test
    void overdueHotLeadIsEscalatedToManagers_andTheTaskStays() {
        ProcessInstance pi = hotLead();
        travel(Duration.ofMinutes(31));
        assertThat(pi).hasPassed("boundaryEvent_hotLeadOverdue", "serviceTask_escalateHotLead", "endEvent_hotLeadEscalated")
                .isWaitingAt(LeadProcess.TASK_CLOSE_HOT_LEAD);
        assertThat(calls).containsOnlyOnce("escalate");
    }

    @Test
    void followUpOutcomeReopensTheTaskOnItsDate() {
        ProcessInstance pi = hotLead();
        String date = "2026-11-27";
        complete(task(), withVariables("outcome", "follow_up", "followUpDate", date));
        runJobs();
        assertThat(pi).isWaitingAt("timerEvent_followUpDateReached");
        assertThat(calls).contains("outcome:follow_up");
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(new StubLeadSettings().followUpAt(date));
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        managementService().executeJob(timer.getId());
        runJobs();
        assertThat(pi).isWaitingAt(LeadProcess.TASK_FOLLOW_UP_LEAD);
        assertThat(task()).isAssignedTo("priya");
        complete(task(), withVariables("outcome", "won", "dealValue", 42000));
        runJobs();
        assertThat(pi).isEnded().hasPassed("endEvent_leadWon");
    }

    @Test
    void duplicateLeadFromSameCustomerUpdatesTheRunningOne_noSecondInstance() {
        ProcessInstance pi = start("TV chahiye");
        // what the intake does for a lead-intent message: correlate by business key instead of starting
        var correlated = runtimeService().createMessageCorrelation(LeadProcess.MESSAGE_WROTE_AGAIN)
                .processInstanceBusinessKey(WA_ID).setVariables(Map.of("messageText", "TV chahiye, 43 inch"))
                .correlateAllWithResult();
        runJobs();
        assertThat(correlated).hasSize(1);
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(LeadProcess.KEY).count()).isEqualTo(1);
        assertThat(pi).hasPassed("startEvent_customerWroteAgain", "serviceTask_updateLeadMessage",
                "serviceTask_answerRepeatEnquiry", "endEvent_leadUpdated").isWaitingAt("gateway_answerReceived");
        assertThat(calls).contains("updateLead:TV chahiye, 43 inch", "reply:lead.again");
        // the qualification carries on where it was
        reply(pi, "TV", "LEAD_NEED_TV");
        assertThat(calls).containsSubsequence("reply:lead.again", "answer:TV", "ask:1");
    }

    @Test
    void questionAskedMidWayIsHandedToSales_andTheQuestionAskedAgain() {
        ProcessInstance pi = start("AC chahiye");
        answers.add(new String[] {null, null, "question"});
        reply(pi, "do you do installation?", null);
        assertThat(pi).isWaitingAt("gateway_answerReceived").hasPassed("serviceTask_passQuestionToSales");
        assertThat(calls).containsSubsequence("answer:do you do installation?", "questionToSales:do you do installation?",
                "ask:0");
    }

    // ---- helpers

    private ProcessInstance hotLead() {
        answers.add(new String[] {null, null, "answer"});
        answers.add(new String[] {"above_50k", null, "answer"});
        answers.add(new String[] {null, "today", "answer"});
        ProcessInstance pi = start("AC for office");
        answerAll(pi, "AC", "Above ₹50k", "Today", "Pune");
        assertThat(pi).isWaitingAt(LeadProcess.TASK_CLOSE_HOT_LEAD);
        return pi;
    }

    private ProcessInstance start(String text) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("waId", WA_ID);
        vars.put("language", "en");
        vars.put("messageText", text);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(LeadProcess.KEY, WA_ID, vars);
        runJobs();
        return pi;
    }

    private void answerAll(ProcessInstance pi, String... texts) {
        for (String text : texts) {
            assertThat(pi).isWaitingAt("gateway_answerReceived");
            reply(pi, text, null);
        }
    }

    private void reply(ProcessInstance pi, String text, String replyId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("replyText", text);
        vars.put("replyId", replyId);
        runtimeService().createMessageCorrelation("customerReplied").processInstanceId(pi.getId()).setVariables(vars)
                .correlateWithResult();
        runJobs();
    }

    /** Moves the clock and fires the timers that are now due, then whatever they lead to. */
    private void travel(Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
        runJobs();
    }

    private void runJobs() {
        for (int i = 0; i < 50; i++) {
            List<Job> jobs = managementService().createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService().executeJob(job.getId()));
        }
    }
}
