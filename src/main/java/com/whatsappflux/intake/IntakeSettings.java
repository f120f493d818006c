package com.whatsappflux.intake;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Configuration the intake diagram reads in expressions: {@code ${intakeSettings.replyTimeout}}. */
@Component("intakeSettings")
public class IntakeSettings {

    private final Duration replyTimeout;

    public IntakeSettings(@Value("${flux.intake.reply-timeout:PT24H}") Duration replyTimeout) {
        this.replyTimeout = replyTimeout;
    }

    /** ISO-8601, as BPMN timers want it. */
    public String getReplyTimeout() {
        return replyTimeout.toString();
    }
}
