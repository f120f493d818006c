package com.whatsappflux.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AudienceNumbersTest {

    @Test
    void normalisesIndianAndInternationalNumbers() {
        assertThat(AudienceNumbers.normalise("+91 98123-45678")).isEqualTo("919812345678");
        assertThat(AudienceNumbers.normalise("9812345678")).isEqualTo("919812345678");
        assertThat(AudienceNumbers.normalise("09812345678")).isEqualTo("919812345678");
        assertThat(AudienceNumbers.normalise("0044 7911 123456")).isEqualTo("447911123456");
        assertThat(AudienceNumbers.normalise("12345")).isNull();
        assertThat(AudienceNumbers.normalise("call me")).isNull();
    }

    @Test
    void readsThePhoneColumnOfACsv() {
        String csv = "name,phone\nAsha,9812345678\nRavi,\"+91 98123 45679\"\n";
        assertThat(AudienceNumbers.fromCsv(csv)).containsExactly("9812345678", "+91 98123 45679");
        assertThat(AudienceNumbers.fromCsv("9812345678\n9812345679")).containsExactly("9812345678", "9812345679");
    }
}
