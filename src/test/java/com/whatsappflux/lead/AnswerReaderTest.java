package com.whatsappflux.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.whatsappflux.intent.DateTimeMention;
import com.whatsappflux.intent.Entities;

class AnswerReaderTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final QualificationQuestion BUDGET = new QualificationQuestion("budget", 2, "buttons", "budget", "Budget?", null,
            List.of(new QualificationQuestion.Option("LEAD_BUDGET_UNDER_10K", "Under ₹10k", null, "under_10k"),
                    new QualificationQuestion.Option("LEAD_BUDGET_ABOVE_50K", "Above ₹50k", null, "above_50k")));
    static final QualificationQuestion TIMELINE = new QualificationQuestion("timeline", 3, "buttons", "timeline", "When?", null,
            List.of(new QualificationQuestion.Option("LEAD_TIMELINE_TODAY", "Today", null, "today")));
    static final QualificationQuestion LOCATION = new QualificationQuestion("location", 4, "text", "location", "Where?", null, null);
    static final QualificationQuestion NEED = new QualificationQuestion("need", 1, "product_list", "need", "What?", null, null);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2 lakh|above_50k", "around 50k|10k_50k", "₹15,000|10k_50k", "Rs 8000|under_10k", "1.5 lakh tak|above_50k",
            "budget 60000|above_50k", "under ₹10k|under_10k", "Above ₹50k|above_50k"})
    void freeTextBudgetBecomesABand(String text, String band) {
        AnswerReader.Reading reading = AnswerReader.read(BUDGET, text, null, Entities.NONE, TODAY);
        assertThat(reading.kind()).isEqualTo("answer");
        assertThat(reading.value()).isEqualTo(band);
    }

    @Test
    void classifierAmountWins() {
        Entities entities = new Entities(List.of(new BigDecimal("200000")), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
        assertThat(AnswerReader.read(BUDGET, "do lakh", null, entities, TODAY).value()).isEqualTo("above_50k");
    }

    @Test
    void tappedButtonIsTheAnswer() {
        AnswerReader.Reading reading = AnswerReader.read(BUDGET, "Above ₹50k", "LEAD_BUDGET_ABOVE_50K", Entities.NONE, TODAY);
        assertThat(reading.value()).isEqualTo("above_50k");
        assertThat(reading.text()).isEqualTo("Above ₹50k");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"today itself|today", "aaj hi chahiye|today", "next week|this_week", "kal|this_week",
            "next month|later", "no hurry|later"})
    void freeTextTimeline(String text, String timeline) {
        assertThat(AnswerReader.read(TIMELINE, text, null, Entities.NONE, TODAY).value()).isEqualTo(timeline);
    }

    @Test
    void extractedDateDecidesTimeline() {
        Entities in3Days = new Entities(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new DateTimeMention(TODAY.plusDays(3), null, null, null)));
        assertThat(AnswerReader.read(TIMELINE, "on the 27th", null, in3Days, TODAY).value()).isEqualTo("this_week");
    }

    @Test
    void pincodeOrCity() {
        assertThat(AnswerReader.read(LOCATION, "Koramangala 560034", null, Entities.NONE, TODAY).value()).isEqualTo("560034");
        assertThat(AnswerReader.read(LOCATION, "Chennai", null, Entities.NONE, TODAY).value()).isEqualTo("Chennai");
    }

    @Test
    void aQuestionInsteadOfAnAnswerIsReportedAsQuestion() {
        assertThat(AnswerReader.read(BUDGET, "do you have EMI?", null, Entities.NONE, TODAY).isQuestion()).isTrue();
        assertThat(AnswerReader.read(LOCATION, "where is your shop?", null, Entities.NONE, TODAY).isQuestion()).isTrue();
        // a free-text need is always an answer (a question in it is noted for sales by the service)
        assertThat(AnswerReader.read(NEED, "is the 55 inch TV in stock?", null, Entities.NONE, TODAY).isQuestion()).isFalse();
    }

    @Test
    void unparsableAnswerIsKeptAsUnknown() {
        AnswerReader.Reading reading = AnswerReader.read(BUDGET, "depends on the model", null, Entities.NONE, TODAY);
        assertThat(reading.kind()).isEqualTo("answer");
        assertThat(reading.value()).isEqualTo("unknown");
    }

    @Test
    void categoryRowIsTheNeed() {
        assertThat(AnswerReader.read(NEED, "Television", "LEAD_NEED_Television", Entities.NONE, TODAY).value())
                .isEqualTo("Television");
    }

    @Test
    void territoryCoversCityOrPincodePrefix() {
        assertThat(SalesOwners.covers("Bengaluru, 560", "560034")).isTrue();
        assertThat(SalesOwners.covers("Bengaluru, 560", "bengaluru")).isTrue();
        assertThat(SalesOwners.covers("Chennai, 600", "560034")).isFalse();
        assertThat(SalesOwners.covers(null, "560034")).isFalse();
    }
}
