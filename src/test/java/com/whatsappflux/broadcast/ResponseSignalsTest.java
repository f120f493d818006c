package com.whatsappflux.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseSignalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"price?", "Kitne ka hai?", "rate kya hai", "इसकी कीमत क्या है", "What is the cost", "how much for 2"})
    void priceQuestions(String text) {
        assertThat(ResponseSignals.priceQuestion(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not interested", "No thanks", "nahi chahiye bhai", "मुझे नहीं चाहिए"})
    void politeNo(String text) {
        assertThat(ResponseSignals.declined(text)).isTrue();
        assertThat(ResponseSignals.interested(text)).isFalse();
    }

    @Test
    void stopAndInterest() {
        assertThat(ResponseSignals.stop("STOP")).isTrue();
        assertThat(ResponseSignals.stop("please band karo")).isTrue();
        assertThat(ResponseSignals.stop("non-stop deals?")).isTrue(); // a word, not a substring: "non-stop" still has it
        assertThat(ResponseSignals.stop("stopover")).isFalse();
        assertThat(ResponseSignals.interested("Yes, interested!")).isTrue();
        assertThat(ResponseSignals.priceQuestion("appreciate it")).isFalse();
    }
}
