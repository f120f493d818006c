package com.whatsappflux.intake;

/** What the router did with a message: kind (started-intake, correlated, reaction, system …) and the instance. */
public record RoutingOutcome(String kind, String processInstanceId) {

    /** The intake was handed to the job executor because routing this message failed before. */
    static final String RESUBMITTED = "intake-resubmitted";
    /** The intake was handed to the job executor because the classifier is a remote service. */
    static final String QUEUED = "intake-queued";

    static RoutingOutcome of(String kind) {
        return new RoutingOutcome(kind, null);
    }
}
