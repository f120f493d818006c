package com.whatsappflux.whatsapp;

/** A message WhatsApp would reject (limits, empty fields): a bug in the caller, never sent. */
public class InvalidMessageException extends IllegalArgumentException {
    public InvalidMessageException(String message) {
        super("Invalid WhatsApp message: " + message);
    }
}
