package com.whatsappflux.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.whatsappflux.testing.ProcessTestBeans;

/**
 * appointment-booking and appointment-follow-up with their real diagrams and forms; delegates are stand-ins
 * that record calls, except the reminder planning which is the real {@link ReminderPlan}. Time travel moves
 * the engine clock and runs the due timers.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/appointment-booking.bpmn", "processes/appointment-follow-up.bpmn",
        "forms/arrange-appointment.form", "forms/record-attendance.form"})
class AppointmentBookingProcessTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    /** Mon 23 Nov 2026, 10:00 IST. */
    private static final Instant NOW = OffsetDateTime.parse("2026-11-23T10:00:00+05:30").toInstant();
    /** The slot the customer picks: Wed 25 Nov 2026, 5:00 PM, 45 minutes. */
    private static final Instant START = OffsetDateTime.parse("2026-11-25T17:00:00+05:30").toInstant();

    /** {@code ${bookingSettings.*}} in process tests. */
    public static class StubBookingSettings {
        public String getReplyWait() {
            return "PT24H";
        }

        public String getHoldDuration() {
            return "PT10M";
        }

        public boolean isReviewRequest() {
            return true;
        }
    }

    /** {@code ${bookingState.isConfirmed(bookingId)}}: the stand-in bookings map. */
    public class StubBookingState {
        public boolean isConfirmed(Object bookingId) {
            return Booking.CONFIRMED.equals(bookingStatus.get(((Number) bookingId).longValue()));
        }
    }

    /** Injected by the extension; bound explicitly since an application context in the same JVM has its own engine. */
    ProcessEngine processEngine;

    private final List<String> calls = new ArrayList<>();
    private final Map<Long, String> bookingStatus = new HashMap<>();
    private boolean serviceKnown = true;
    private boolean specialRequest = false;
    private int slotsFound = 10;
    private int holdsTakenByOthers = 0;
    private boolean windowOpen = true;

    @BeforeEach
    void registerStandIns() {
        BpmnAwareTests.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("understandBookingRequestDelegate", (JavaDelegate) ex -> {
            calls.add("understand:" + ex.getVariable("messageText"));
            ex.setVariable(BookingProcess.SERVICE_KNOWN, serviceKnown);
            ex.setVariable(BookingProcess.SPECIAL_REQUEST, specialRequest);
            ex.setVariable(BookingProcess.REJECTED_ROUNDS, 0);
            if (specialRequest) {
                ex.setVariable(BookingProcess.HANDOVER_REASON, "special request");
            }
        });
        Mocks.register("askForServiceDelegate", (JavaDelegate) ex -> calls.add("askForService"));
        Mocks.register("readCustomerAnswerDelegate", (JavaDelegate) this::readAnswer);
        Mocks.register("findFreeSlotsDelegate", (JavaDelegate) ex -> {
            calls.add("findSlots");
            ex.setVariable(BookingProcess.SLOTS_OFFERED, slotsFound);
        });
        Mocks.register("offerSlotsDelegate", (JavaDelegate) ex -> calls.add("offerSlots"));
        Mocks.register("holdSlotDelegate", (JavaDelegate) ex -> {
            if (holdsTakenByOthers > 0) {
                holdsTakenByOthers--;
                calls.add("holdLost");
                throw new BpmnError(BookingProcess.ERROR_SLOT_TAKEN);
            }
            calls.add("hold:" + ex.getVariable(BookingProcess.PICKED_SLOT));
            ex.setVariable(BookingProcess.BOOKING_ID, 7L);
            bookingStatus.put(7L, Booking.HELD);
        });
        Mocks.register("askToConfirmSlotDelegate", (JavaDelegate) ex -> calls.add("askToConfirm"));
        Mocks.register("confirmBookingDelegate", (JavaDelegate) ex -> {
            calls.add("confirm");
            bookingStatus.put(7L, Booking.CONFIRMED);
        });
        Mocks.register("releaseBookingDelegate", (JavaDelegate) ex -> {
            String status = (String) ex.getVariableLocal("status");
            calls.add("release:" + status);
            bookingStatus.put(7L, status);
            ex.setVariable(BookingProcess.APPOINTMENT_OUTCOME, status.toLowerCase());
        });
        Mocks.register("sendReplyDelegate", (JavaDelegate) ex -> calls.add("reply:" + ex.getVariableLocal("textKey")));
        Mocks.register("sendStaffReplyDelegate", (JavaDelegate) ex -> calls.add("staffReply:" + ex.getVariable("staffReply")));
        Mocks.register("attachTranscriptListener", (TaskListener) t -> t.setVariableLocal("transcript", "…"));
        // follow-up
        Mocks.register("sendBookingConfirmationDelegate", (JavaDelegate) ex -> calls.add("confirmation"));
        Mocks.register("planNextReminderDelegate", (JavaDelegate) ex -> {
            String sent = (String) ex.getVariable(BookingProcess.REMINDERS_SENT);
            ReminderPlan.Step step = ReminderPlan.next(START, START.plus(Duration.ofMinutes(45)), ClockUtil.getCurrentTime().toInstant(),
                    sent == null ? new HashSet<>() : new HashSet<>(Arrays.asList(sent.split(","))),
                    List.of(Duration.ofHours(24), Duration.ofHours(2)));
            ex.setVariable(BookingProcess.NEXT_STEP, step.kind());
            ex.setVariable(BookingProcess.NEXT_REMINDER, step.reminder());
            ex.setVariable(BookingProcess.NEXT_STEP_AT, step.at().atZone(IST).toOffsetDateTime().toString());
        });
        Mocks.register("sendAppointmentReminderDelegate", (JavaDelegate) ex -> {
            String kind = (String) ex.getVariable(BookingProcess.NEXT_REMINDER);
            calls.add("reminder:" + kind);
            String sent = (String) ex.getVariable(BookingProcess.REMINDERS_SENT);
            ex.setVariable(BookingProcess.REMINDERS_SENT, sent == null ? kind : sent + "," + kind);
        });
        Mocks.register("acknowledgeAppointmentReplyDelegate", (JavaDelegate) ex -> calls.add("acknowledge"));
        Mocks.register("saveAttendanceDelegate", (JavaDelegate) ex -> {
            calls.add("attendance:" + ex.getVariable(BookingProcess.ATTENDANCE));
            ex.setVariable(BookingProcess.APPOINTMENT_OUTCOME, ex.getVariable(BookingProcess.ATTENDANCE));
        });
        Mocks.register("askForReviewDelegate", (JavaDelegate) ex -> {
            if (!windowOpen) {
                throw new BpmnError("outsideServiceWindow");
            }
            calls.add("askForReview");
        });
        Mocks.register("bookingSettings", new StubBookingSettings());
        Mocks.register("bookingState", new StubBookingState());
        ProcessTestBeans.registerDefaults();
    }

    /** The real reading lives in BookingAnswers; here the tapped ids decide. */
    private void readAnswer(DelegateExecution ex) {
        String question = (String) ex.getVariableLocal("question");
        String replyId = (String) ex.getVariable(BookingProcess.REPLY_ID);
        String answer;
        switch (question) {
            case "service" -> answer = replyId != null && replyId.startsWith("SERVICE_") ? "service" : "other";
            case "slot" -> answer = replyId == null ? "none" : replyId.startsWith("SLOT_") ? "picked"
                    : "SPECIAL".equals(replyId) ? "special" : "none";
            case "confirmation" -> answer = "CONFIRM".equals(replyId) ? "confirm" : "other";
            default -> answer = "RESCHEDULE".equals(replyId) ? "reschedule" : "CANCEL".equals(replyId) ? "cancel" : "confirm";
        }
        if ("slot".equals(question) && "picked".equals(answer)) {
            ex.setVariable(BookingProcess.PICKED_SLOT, replyId);
        }
        if (answer.equals("none") || ("confirmation".equals(question) && answer.equals("other"))) {
            ex.setVariable(BookingProcess.REJECTED_ROUNDS, (Integer) ex.getVariable(BookingProcess.REJECTED_ROUNDS) + 1);
        }
        if (answer.equals("reschedule")) {
            ex.setVariable(BookingProcess.REJECTED_ROUNDS, 0);
        }
        calls.add("read:" + question + "=" + answer);
        ex.setVariable(BookingProcess.CUSTOMER_ANSWER, answer);
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    // ---- booking

    @Test
    void slotIsPickedConfirmedAndRemindedAt24hAnd2h_thenAttended() {
        ProcessInstance pi = start("kal 5 baje appointment chahiye");
        assertThat(pi).isWaitingAt("gateway_slotReply");
        reply(pi, "Wed 25 Nov, 5:00 PM", "SLOT_1_1795611600");
        assertThat(pi).isWaitingAt("gateway_confirmedInTime");
        reply(pi, "Confirm", "CONFIRM");
        ProcessInstance followUp = followUp();
        assertThat(followUp).isWaitingAt("gateway_waitForAppointment");
        assertThat(calls).containsSequence("findSlots", "offerSlots", "read:slot=picked", "hold:SLOT_1_1795611600",
                "askToConfirm", "read:confirmation=confirm", "confirm", "confirmation");

        travelTo(START.minus(Duration.ofHours(24)));
        assertThat(calls).contains("reminder:24h").doesNotContain("reminder:2h");
        assertThat(followUp).isWaitingAt("gateway_waitForAppointment");
        reply(followUp, "Confirm", "CONFIRM");
        assertThat(calls).contains("acknowledge");
        travelTo(START.minus(Duration.ofHours(2)));
        assertThat(calls).contains("reminder:2h");
        travelTo(START.plus(Duration.ofMinutes(45)));
        assertThat(followUp).isWaitingAt("userTask_recordAttendance");
        assertThat(task(followUp)).hasCandidateGroup("front-desk");
        complete(task(followUp), withVariables("attendance", "attended"));
        runJobs();
        assertThat(followUp).isEnded().hasPassedInOrder("serviceTask_sendBookingConfirmation", "serviceTask_planNextReminder",
                "serviceTask_sendAppointmentReminder", "serviceTask_acknowledgeReply", "serviceTask_sendAppointmentReminder",
                "userTask_recordAttendance", "serviceTask_saveAttendance", "serviceTask_askForReview",
                "endEvent_appointmentAttended");
        assertThat(pi).isEnded().hasPassed("endEvent_appointmentFinished");
        assertThat(calls).containsSubsequence("reminder:24h", "acknowledge", "reminder:2h", "attendance:attended", "askForReview");
    }

    @Test
    void noShowIsRecordedByFrontDesk() {
        ProcessInstance pi = bookTheSlot();
        travelTo(START.plus(Duration.ofHours(1)));
        complete(task(followUp()), withVariables("attendance", "no_show"));
        runJobs();
        assertThat(pi).isEnded().hasPassed("endEvent_appointmentFinished");
        assertThat(calls).contains("attendance:no_show").doesNotContain("askForReview");
    }

    @Test
    void cancelTapOnReminderFreesTheSlot() {
        ProcessInstance pi = bookTheSlot();
        ProcessInstance followUp = followUp();
        travelTo(START.minus(Duration.ofHours(24)));
        reply(followUp, "Cancel", "CANCEL");
        assertThat(followUp).isEnded().hasPassed("serviceTask_cancelBooking", "serviceTask_tellBookingCancelled",
                "endEvent_appointmentCancelled");
        assertThat(pi).isEnded().hasPassed("endEvent_appointmentCancelled");
        assertThat(calls).containsSequence("release:CANCELLED", "reply:booking.cancelled");
        assertThat(bookingStatus.get(7L)).isEqualTo(Booking.CANCELLED);
    }

    @Test
    void rescheduleTapOnConfirmationFreesOldSlotAndOffersNewSlots() {
        ProcessInstance pi = bookTheSlot();
        reply(followUp(), "Reschedule", "RESCHEDULE");
        assertThat(calls).containsSequence("release:RESCHEDULED", "findSlots", "offerSlots");
        assertThat(pi).isWaitingAt("gateway_slotReply");
        reply(pi, "Thu 26 Nov, 11:00 AM", "SLOT_2_1795683600");
        reply(pi, "Confirm", "CONFIRM");
        assertThat(followUp()).isWaitingAt("gateway_waitForAppointment");
        assertThat(calls.stream().filter("confirm"::equals)).hasSize(2);
    }

    @Test
    void bookingCancelledByStaff_endsFollowUpWithoutReminder() {
        ProcessInstance pi = bookTheSlot();
        ProcessInstance followUp = followUp();
        bookingStatus.put(7L, Booking.CANCELLED); // front desk cancelled it through the API
        travelTo(START.minus(Duration.ofHours(24)));
        assertThat(calls).doesNotContain("reminder:24h");
        assertThat(followUp).isEnded().hasPassed("endEvent_bookingNoLongerActive");
        assertThat(pi).isEnded().hasPassed("endEvent_appointmentFinished");
    }

    @Test
    void heldSlotExpires_whenCustomerDoesNotConfirmInTime() {
        ProcessInstance pi = start("Friday morning AC service");
        reply(pi, "Fri 27 Nov, 10:00 AM", "SLOT_1_1795761000");
        assertThat(pi).isWaitingAt("gateway_confirmedInTime");
        travelTo(NOW.plus(Duration.ofMinutes(11)));
        assertThat(pi).isEnded().hasPassedInOrder("serviceTask_holdSlot", "serviceTask_askToConfirmSlot",
                "timerEvent_holdExpired", "serviceTask_releaseExpiredHold", "serviceTask_tellHoldExpired",
                "endEvent_holdExpired");
        assertThat(calls).containsSequence("release:EXPIRED", "reply:booking.holdExpired");
    }

    @Test
    void slotTakenByAnotherCustomer_offersAlternatives() {
        holdsTakenByOthers = 1;
        ProcessInstance pi = start("25/11 4pm");
        reply(pi, "Wed 25 Nov, 4:00 PM", "SLOT_1_1795607100");
        assertThat(pi).isWaitingAt("gateway_slotReply");
        assertThat(calls).containsSubsequence("offerSlots", "holdLost", "findSlots", "offerSlots");
        reply(pi, "Wed 25 Nov, 4:15 PM", "SLOT_1_1795608000");
        assertThat(pi).isWaitingAt("gateway_confirmedInTime");
    }

    @Test
    void noSlotAvailable_frontDeskArrangesIt() {
        slotsFound = 0;
        ProcessInstance pi = start("kal subah");
        assertThat(pi).isWaitingAt("userTask_arrangeAppointment");
        assertThat(task(pi)).hasCandidateGroup("front-desk").hasName("Arrange appointment");
        complete(task(pi), withVariables("staffReply", "We have a slot on Monday at 11, shall I book it?"));
        runJobs();
        assertThat(pi).isEnded().hasPassedInOrder("serviceTask_findFreeSlots", "serviceTask_tellFrontDeskWillArrange",
                "userTask_arrangeAppointment", "serviceTask_sendFrontDeskReply", "endEvent_arrangedByFrontDesk");
        assertThat(calls).contains("reply:booking.handover").anyMatch(c -> c.startsWith("staffReply:"));
    }

    @Test
    void noSlotAcceptableAfterTwoRounds_goesToFrontDesk() {
        ProcessInstance pi = start("Friday evening");
        reply(pi, "None of these", "BOOKING_NONE_FITS");
        assertThat(pi).isWaitingAt("gateway_slotReply");
        reply(pi, "none of these either", null);
        assertThat(pi).isWaitingAt("userTask_arrangeAppointment");
        assertThat(calls.stream().filter("offerSlots"::equals)).hasSize(2);
        complete(task(pi), withVariables("staffReply", ""));
        runJobs();
        assertThat(pi).isEnded().hasPassed("endEvent_arrangedByFrontDesk").hasNotPassed("serviceTask_sendFrontDeskReply");
    }

    @Test
    void specialRequest_goesStraightToFrontDesk() {
        specialRequest = true;
        ProcessInstance pi = start("need a wheelchair accessible home visit for my father");
        assertThat(pi).isWaitingAt("userTask_arrangeAppointment");
        assertThat(calls).doesNotContain("findSlots");
    }

    @Test
    void serviceIsAskedWithAList_whenUnclear() {
        serviceKnown = false;
        ProcessInstance pi = start("appointment chahiye");
        assertThat(pi).isWaitingAt("gateway_serviceReply");
        reply(pi, "AC service visit", "SERVICE_3");
        assertThat(pi).isWaitingAt("gateway_slotReply");
        assertThat(calls).containsSequence("askForService", "read:service=service", "findSlots", "offerSlots");
    }

    @Test
    void requestIsAbandoned_whenCustomerNeverPicksASlot() {
        ProcessInstance pi = start("Friday morning");
        travelTo(NOW.plus(Duration.ofHours(25)));
        assertThat(pi).isEnded().hasPassed("endEvent_slotNotPicked");
    }

    @Test
    void reviewIsNotAsked_whenServiceWindowClosed() {
        windowOpen = false;
        bookTheSlot();
        travelTo(START.plus(Duration.ofHours(1)));
        ProcessInstance followUp = followUp();
        complete(task(followUp), withVariables("attendance", "attended"));
        runJobs();
        assertThat(followUp).isEnded().hasPassed("endEvent_reviewNotAsked");
    }

    // ---- helpers

    private ProcessInstance bookTheSlot() {
        ProcessInstance pi = start("kal 5 baje appointment chahiye");
        reply(pi, "Wed 25 Nov, 5:00 PM", "SLOT_1_1795611600");
        reply(pi, "Confirm", "CONFIRM");
        assertThat(followUp()).isWaitingAt("gateway_waitForAppointment");
        return pi;
    }

    private ProcessInstance start(String text) {
        ProcessInstance pi = runtimeService().createProcessInstanceByKey(BookingProcess.KEY).businessKey("919812345678")
                .setVariables(Map.of("waId", "919812345678", "language", "hi-Latn", "messageText", text, "entities", "{}",
                        "customerName", "Asha"))
                .execute();
        runJobs();
        return pi;
    }

    private ProcessInstance followUp() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(BookingProcess.FOLLOW_UP_KEY).active()
                .singleResult();
    }

    private void reply(ProcessInstance pi, String text, String replyId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("replyText", text);
        vars.put("replyId", replyId);
        vars.put("replyType", replyId == null ? "text" : "button_reply");
        runtimeService().createMessageCorrelation("customerReplied").processInstanceId(pi.getId()).setVariables(vars).correlate();
        runJobs();
    }

    private void travelTo(Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
        runJobs();
    }

    /** Runs every job that is due now (async continuations and timers), until none is left. */
    private void runJobs() {
        for (int i = 0; i < 100; i++) {
            List<Job> due = managementService().createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService().executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming");
    }
}
