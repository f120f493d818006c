package com.whatsappflux.payment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * What comes next for an open invoice: the next reminder of the schedule (days relative to the due date, at the
 * reminder time), else the accounts call after the last reminder, else the managers' review after the call.
 * Reminders that were already due when the invoice went out are skipped (the invoice itself was the message).
 */
public final class FollowUpPlanner {

    public static final String REMINDER = "reminder";
    public static final String CALL = "call";
    public static final String MANAGERS = "managers";

    public record FollowUp(String kind, Instant at) {
    }

    public record State(LocalDate dueDate, List<Integer> offsetDays, Instant invoiceSentAt, Instant lastReminderAt,
                        Instant calledAt, Instant managersReviewedAt) {
    }

    private final LocalTime reminderTime;
    private final ZoneId zone;
    private final Duration callAfterLastReminder;
    private final Duration managersAfterCall;

    public FollowUpPlanner(LocalTime reminderTime, ZoneId zone, Duration callAfterLastReminder, Duration managersAfterCall) {
        this.reminderTime = reminderTime;
        this.zone = zone;
        this.callAfterLastReminder = callAfterLastReminder;
        this.managersAfterCall = managersAfterCall;
    }

    public FollowUp next(State s) {
        Instant after = s.lastReminderAt() != null ? s.lastReminderAt() : s.invoiceSentAt();
        if (s.calledAt() == null) {
            for (Integer offset : s.offsetDays().stream().sorted().toList()) {
                Instant at = s.dueDate().plusDays(offset).atTime(reminderTime).atZone(zone).toInstant();
                if (at.isAfter(after)) {
                    return new FollowUp(REMINDER, at);
                }
            }
            return new FollowUp(CALL, after.plus(callAfterLastReminder));
        }
        Instant lastEscalation = s.managersReviewedAt() != null && s.managersReviewedAt().isAfter(s.calledAt())
                ? s.managersReviewedAt() : s.calledAt();
        return new FollowUp(MANAGERS, lastEscalation.plus(managersAfterCall));
    }
}
