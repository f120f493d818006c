package com.whatsappflux.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecidedRouteTest {

    private final DecidedRoute lead = new DecidedRoute("lead", 0.93, "hi-Latn", "lead");

    @Test
    void theRouteOfTheMessageBeingRoutedIsKeptForTheWorker() {
        DecidedRoute.routing("wamid.A");
        assertThat(DecidedRoute.offer("wamid.A", lead)).isTrue();
        assertThat(DecidedRoute.take()).isEqualTo(lead);
        assertThat(DecidedRoute.take()).as("routing ended").isEqualTo(DecidedRoute.NONE);
    }

    @Test
    void aRouteForAnotherMessageOrOutsideRoutingIsLeftToTheListener() {
        assertThat(DecidedRoute.offer("wamid.A", lead)).as("no worker routing here (a job)").isFalse();
        DecidedRoute.routing("wamid.B");
        assertThat(DecidedRoute.offer("wamid.A", lead)).as("an earlier message of the conversation").isFalse();
        assertThat(DecidedRoute.take()).as("nothing decided for the message being routed").isEqualTo(DecidedRoute.NONE);
    }
}
