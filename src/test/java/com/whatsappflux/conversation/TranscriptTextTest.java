package com.whatsappflux.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a customer's message reads in the transcript staff see in Tasklist. */
class TranscriptTextTest {

    @ParameterizedTest(name = "{0} / {1} → {3}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            "text     | kal free ho?         | 7  | kal free ho?",
            "image    | paid, see screenshot | 42 | [photo: /api/media/42] paid, see screenshot",
            "image    | null                 | 43 | [photo: /api/media/43]",
            "audio    | null                 | 44 | [voice note or audio: /api/media/44]",
            "document | PO-4521.pdf          | 45 | [document: /api/media/45] PO-4521.pdf",
            "location | null                 | 46 | [location]",
            "null     | Thanks, noted!       | 47 | Thanks, noted!"})
    void readsAsStaffNeedIt(String type, String text, long id, String expected) {
        assertThat(TranscriptService.customerText(type, text, id)).isEqualTo(expected);
    }
}
