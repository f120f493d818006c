package com.whatsappflux.system;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Now" for business logic. Follows Camunda's ClockUtil so that tests which move the engine's clock
 * (reminders, SLAs) move the business logic with it. Instants are UTC; the zone is the business's.
 */
@Component
public class BusinessClock {

    private final ZoneId zone;

    public BusinessClock(@Value("${flux.business.timezone:Asia/Kolkata}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public ZonedDateTime nowInZone() {
        return now().atZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
