package com.whatsappflux.booking;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the diagrams read ({@code ${bookingSettings.holdDuration}}, {@code replyWait}, {@code reviewRequest}) and
 * the reminder offsets. The hold time comes from the editable calendar settings (booking_settings.hold_minutes).
 */
@Component("bookingSettings")
public class BookingSettings {

    private final BookingCalendarRepository calendar;

    @Value("${flux.booking.reply-wait:PT24H}")
    private String replyWait;
    /** Reminders before the start, e.g. "PT24H,PT2H". */
    @Value("${flux.booking.reminder-offsets:PT24H,PT2H}")
    private String reminderOffsets;
    @Value("${flux.booking.review-request:true}")
    private boolean reviewRequest;
    /** Words that make a request "special": front desk arranges it. */
    @Value("${flux.booking.special-request-words:wheelchair,special request,disabled,handicapped,elderly,urgent,emergency,bulk,group booking,व्हीलचेयर}")
    private String specialRequestWords;

    public BookingSettings(BookingCalendarRepository calendar) {
        this.calendar = calendar;
    }

    public String getReplyWait() {
        return replyWait;
    }

    public String getHoldDuration() {
        return Duration.ofMinutes(calendar.settings().holdMinutes()).toString();
    }

    public boolean isReviewRequest() {
        return reviewRequest;
    }

    public List<Duration> reminderOffsets() {
        return Arrays.stream(reminderOffsets.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Duration::parse).toList();
    }

    public List<String> specialRequestWords() {
        return Arrays.stream(specialRequestWords.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
