package com.whatsappflux.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The demo business calendar as plain data: two staff Mon–Sat 10:00–20:00, lunch 13:30–14:30, 15-minute grid. */
final class TestCalendars {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final BusinessCalendar.Service DEMO = new BusinessCalendar.Service(1, "store-demo", "Product demo at store", 30);
    static final BusinessCalendar.Service INSTALL = new BusinessCalendar.Service(2, "home-installation", "Home installation visit", 60);
    static final BusinessCalendar.Service AC = new BusinessCalendar.Service(3, "ac-service", "AC service visit", 45);

    private TestCalendars() {
    }

    static BusinessCalendar demo() {
        return demo(1, List.of());
    }

    static BusinessCalendar demo(int capacity, List<BusinessCalendar.Holiday> holidays) {
        List<BusinessCalendar.Hours> hours = new ArrayList<>();
        for (long resource : new long[] {1, 2}) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day != DayOfWeek.SUNDAY) {
                    hours.add(new BusinessCalendar.Hours(resource, day, LocalTime.of(10, 0), LocalTime.of(20, 0)));
                }
            }
        }
        return new BusinessCalendar(IST, new BusinessCalendar.Settings(15, 60, 30, 10, 10), List.of(DEMO, INSTALL, AC),
                List.of(new BusinessCalendar.Resource(1, "ravi", "Ravi", capacity, Set.of()),
                        new BusinessCalendar.Resource(2, "sunita", "Sunita", capacity, Set.of())),
                hours, List.of(new BusinessCalendar.Break(null, null, LocalTime.of(13, 30), LocalTime.of(14, 30), "Lunch")),
                holidays);
    }
}
