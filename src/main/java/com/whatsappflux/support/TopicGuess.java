package com.whatsappflux.support;

/** What a support message is about, how sure we are, and the two signals that always bring in a person. */
public record TopicGuess(String topic, double confidence, boolean negativeSentiment, boolean wantsPerson) {
}
