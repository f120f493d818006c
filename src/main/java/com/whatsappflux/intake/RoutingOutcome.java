package com.whatsappflux.intake;

/** What the router did with a message: kind (started-intake, correlated, reaction, system …) and the instance. */
public record RoutingOutcome(String kind, String processInstanceId) {

    static RoutingOutcome of(String kind) {
        return new RoutingOutcome(kind, null);
    }
}
