package com.whatsappflux.lead;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.whatsappflux.system.BusinessClock;

/**
 * The lead timers the diagram reads ({@code ${leadSettings.nudgeDelay}} …), from {@code flux.lead.*} with defaults
 * so no yaml is needed.
 */
@Component("leadSettings")
public class LeadSettings {

    private final Duration nudgeDelay;
    private final Duration unresponsiveAfterNudge;
    private final Duration hotLeadSla;
    private final Duration followUpTaskSla;
    private final LocalTime followUpTime;
    private final BusinessClock clock;

    public LeadSettings(@Value("${flux.lead.nudge-delay:PT4H}") Duration nudgeDelay,
                        @Value("${flux.lead.unresponsive-after-nudge:PT20H}") Duration unresponsiveAfterNudge,
                        @Value("${flux.lead.hot-lead-sla:PT30M}") Duration hotLeadSla,
                        @Value("${flux.lead.follow-up-task-sla:PT8H}") Duration followUpTaskSla,
                        @Value("${flux.lead.follow-up-time:10:00}") LocalTime followUpTime,
                        BusinessClock clock) {
        this.nudgeDelay = nudgeDelay;
        this.unresponsiveAfterNudge = unresponsiveAfterNudge;
        this.hotLeadSla = hotLeadSla;
        this.followUpTaskSla = followUpTaskSla;
        this.followUpTime = followUpTime;
        this.clock = clock;
    }

    /** Silence after a question before one polite nudge (well inside the 24-hour window). */
    public String getNudgeDelay() {
        return nudgeDelay.toString();
    }

    /** Silence after the nudge before the lead is closed as unresponsive (nudge + this = 24 h by default). */
    public String getUnresponsiveAfterNudge() {
        return unresponsiveAfterNudge.toString();
    }

    /** "Close hot lead" is due this much business time after it is created; then managers are alerted. */
    public String getHotLeadSla() {
        return hotLeadSla.toString();
    }

    /** A warm lead's follow-up task (and a re-opened one) is due this much business time later. */
    public String getFollowUpTaskSla() {
        return followUpTaskSla.toString();
    }

    /** The follow-up date staff chose (yyyy-MM-dd from the form), at the configured hour; tomorrow when missing. */
    public Date followUpAt(Object date) {
        LocalDate day = date == null || date.toString().isBlank()
                ? clock.nowInZone().toLocalDate().plusDays(1)
                : LocalDate.parse(date.toString().substring(0, 10));
        return Date.from(day.atTime(followUpTime).atZone(clock.zone()).toInstant());
    }
}
