package com.whatsappflux.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What a customer's payment message asks for, read from its words, its type and the button tapped. */
class PaymentRequestReaderTest {

    private final PaymentRequestReader reader = new PaymentRequestReader(new ObjectMapper());

    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource(nullValues = "null", value = {
            "'paid, UTR 412345678901', text, claim",
            "payment ho gaya, text, claim",
            "amount is wrong, text, dispute",
            "money deducted twice, text, problem",
            "please resend the invoice, text, resend",
            "kitna baaki hai?, text, balance",
            "payment, text, balance",
            // a screenshot or a receipt PDF: the picture is the claim
            "null, image, claim",
            "null, document, claim",
            "'', image, claim",
            // its caption still decides when it says more
            "deducted twice see screenshot, image, problem",
            "how much is due?, image, balance",
            "null, audio, balance"})
    void readsTheKind(String text, String type, String kind) {
        assertThat(reader.read(text, type, null, null).kind()).isEqualTo(kind);
    }

    @Test
    void buttonsWinOverWords() {
        assertThat(reader.read("how much", "interactive", PaymentProcess.PAID, null).kind()).isEqualTo("claim");
        assertThat(reader.read(null, "interactive", PaymentProcess.SEND_INVOICE, null).kind()).isEqualTo("resend");
    }

    @Test
    void takesTheReferenceAndAmountFromTheWords() {
        PaymentRequestReader.Request request = reader.read("paid ₹4,500 UTR 412345678901", "text", null, null);
        assertThat(request.reference()).isEqualTo("412345678901");
        assertThat(request.amount()).isEqualByComparingTo("4500");
    }
}
