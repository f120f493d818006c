package com.whatsappflux.intake;

/**
 * An answer arrived before the workflow that asked reached its wait (the asking job had not committed yet).
 * The message stays in the inbox and is routed again on the next poll; not a failure.
 */
class ReplyArrivedEarly extends RuntimeException {

    ReplyArrivedEarly(String processInstanceId) {
        super("instance " + processInstanceId + " is about to wait for this answer", null, false, false);
    }
}
