package com.whatsappflux.whatsapp;

/** The body is not a Cloud API webhook payload we can store: answered with 400, nothing stored. */
public class MalformedPayloadException extends RuntimeException {
    public MalformedPayloadException(String message) {
        super(message);
    }
}
