package com.whatsappflux.intent;

import java.time.ZonedDateTime;

/** Classifies one inbound WhatsApp message: intent, calibrated confidence, language and entities. */
public interface IntentClassifier {

    /** Classifies with relative dates ("kal shaam 5 baje") resolved against the current time in the business time zone. */
    Classification classify(String text);

    /** Classifies with relative dates resolved against {@code now} (its zone is the one used). */
    Classification classify(String text, ZonedDateTime now);

    /** True when classifying calls another service: then it must not run inside the inbox's transaction. */
    default boolean callsRemoteService() {
        return inProcess() != this;
    }

    /**
     * The classifier that answers without calling another service: for checks that run inside the inbox's
     * transaction, under the customer's lock ("is this reply clearly about something else?").
     */
    default IntentClassifier inProcess() {
        return this;
    }
}
