package com.whatsappflux.booking;

import org.springframework.stereotype.Component;

/** {@code ${bookingState.isConfirmed(bookingId)}}: the diagram asks whether staff cancelled the booking meanwhile. */
@Component("bookingState")
public class BookingState {

    private final BookingService bookings;

    public BookingState(BookingService bookings) {
        this.bookings = bookings;
    }

    public boolean isConfirmed(Object bookingId) {
        return bookings.find(((Number) bookingId).longValue()).map(Booking::isActive).orElse(false);
    }
}
