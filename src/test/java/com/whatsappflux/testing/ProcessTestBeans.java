package com.whatsappflux.testing;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

/** Stand-ins for the configuration beans that diagrams use in expressions, for plain process tests. */
public final class ProcessTestBeans {

    private ProcessTestBeans() {
    }

    /** {@code ${businessHours.dueIn('PT30M')}}: plain clock time in process tests. */
    public static class StubBusinessHours {
        public Date dueIn(String isoDuration) {
            return new Date(ClockUtil.getCurrentTime().getTime() + Duration.parse(isoDuration).toMillis());
        }

        public boolean isOpen() {
            return true;
        }
    }

    /** {@code ${intakeSettings.replyTimeout}}. */
    public static class StubIntakeSettings {
        public String getReplyTimeout() {
            return "PT24H";
        }
    }

    public static void registerDefaults() {
        Mocks.register("businessHours", new StubBusinessHours());
        Mocks.register("intakeSettings", new StubIntakeSettings());
    }
}
