package com.whatsappflux.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo profile: three services and two technicians, Mon–Sat 10:00–20:00 with lunch 13:30–14:30. Adds only what is missing. */
@Component
@Profile("demo")
@Order(40)
public class BookingDemoData implements ApplicationRunner {

    private final BookingCalendarRepository calendar;

    public BookingDemoData(BookingCalendarRepository calendar) {
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!calendar.listServices().isEmpty() || !calendar.listResources().isEmpty()) {
            return; // configured already (by a previous start or through the API)
        }
        calendar.saveService("store-demo", "Product demo at store", 30, "See a product working before you buy", true);
        calendar.saveService("home-installation", "Home installation visit", 60, "Installation at your home", true);
        calendar.saveService("ac-service", "AC service visit", 45, "AC cleaning and gas check at home", true);
        for (String[] staff : new String[][] {{"ravi", "Ravi Kumar"}, {"sunita", "Sunita Rao"}}) {
            long id = calendar.saveResource(staff[0], staff[1], 1, true, null);
            List<BusinessCalendar.Hours> hours = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day != DayOfWeek.SUNDAY) {
                    hours.add(new BusinessCalendar.Hours(id, day, LocalTime.of(10, 0), LocalTime.of(20, 0)));
                }
            }
            calendar.replaceHours(id, hours);
        }
        calendar.replaceBreaks(null, List.of(new BusinessCalendar.Break(null, null, LocalTime.of(13, 30), LocalTime.of(14, 30),
                "Lunch")));
    }
}
