package com.whatsappflux.booking;

/** The slot was taken by somebody else first (the database's unique constraint said so). */
public class SlotTakenException extends RuntimeException {

    public SlotTakenException(String message) {
        super(message);
    }
}
