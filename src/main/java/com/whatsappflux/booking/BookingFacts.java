package com.whatsappflux.booking;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.whatsappflux.crm.CustomerFactsProvider;

/** Routing fact upcomingBookings (long): confirmed appointments still ahead. */
@Component
public class BookingFacts implements CustomerFactsProvider {

    private final BookingService bookings;

    public BookingFacts(BookingService bookings) {
        this.bookings = bookings;
    }

    @Override
    public Map<String, Object> factsFor(String waId) {
        return Map.of("upcomingBookings", bookings.countUpcoming(waId));
    }
}
