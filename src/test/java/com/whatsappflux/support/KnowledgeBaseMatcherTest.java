package com.whatsappflux.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo shop's knowledge base against paraphrases nobody typed into it, in English, Hinglish and Hindi. */
class KnowledgeBaseMatcherTest {

    private final KnowledgeBaseMatcher matcher = new KnowledgeBaseMatcher(DemoFaq.entries(), KnowledgeBaseMatcher.DEFAULT_THRESHOLD);

    @ParameterizedTest(name = "{1} → {0}")
    @CsvSource(delimiter = '|', value = {
            // English paraphrases
            "delivery_charge | how much do you charge to ship a fridge?",
            "delivery_charge | Is shipping free?",
            "delivery_charge | what are the delivery fees",
            "delivery_time   | how many days will delivery take to whitefield",
            "delivery_time   | how long does it take to deliver",
            "installation    | will your technician install my new AC? what does it cost",
            "installation    | do you do instalation",
            "warranty        | what is the guarantee on the washing machine",
            "warranty        | how many years warrenty on compressor",
            "emi             | can I buy this on installments",
            "emi             | is no cost EMI possible on credit card",
            "returns         | can i send a product back if i dont like it",
            "exchange_offer  | can I trade in my old TV",
            "payment_methods | do you take UPI or card",
            // Hinglish
            "delivery_charge | delivery ka kitna lagega",
            "delivery_charge | ghar pe bhejne ka charge kitna hai bhai",
            "delivery_time   | kitne din me delivery ho jayegi",
            "installation    | AC lagwane ka kitna paisa lagega",
            "installation    | tv fitting free hai kya",
            "warranty        | fridge ki guarantee kitne saal ki hai",
            "emi             | kisht pe mil sakta hai kya",
            "emi             | emi ka option hai?",
            "returns         | saaman wapas kar sakte hain kya 7 din me",
            "exchange_offer  | purana fridge dekar naya milega kya",
            "payment_methods | cash on delivery hai kya",
            // Hindi
            "delivery_charge | डिलीवरी चार्ज कितना लगेगा",
            "delivery_charge | क्या होम डिलीवरी मुफ्त है",
            "delivery_time   | सामान कितने दिन में पहुंचेगा डिलीवरी",
            "installation    | एसी इंस्टॉलेशन का कितना खर्च है",
            "warranty        | फ्रिज पर कितनी गारंटी मिलती है",
            "emi             | क्या किस्तों में खरीद सकते हैं",
            "returns         | सामान वापस करने का नियम क्या है",
            "exchange_offer  | पुराना टीवी देकर नया ले सकते हैं क्या",
            "payment_methods | कार्ड से भुगतान कर सकते हैं",
            // Tamil
            "delivery_charge | டெலிவரி கட்டணம் எவ்வளவு",
            "warranty        | வாரண்டி எவ்வளவு ஆண்டுகள்"})
    void paraphraseFindsTheRightAnswer(String key, String question) {
        assertThat(matcher.match(question)).as("best: %s", matcher.best(question))
                .hasValueSatisfying(m -> assertThat(m.key()).isEqualTo(key));
    }

    @ParameterizedTest(name = "no confident answer for: {0}")
    @CsvSource(delimiter = '|', value = {
            "my cousin is getting married next week",
            "asdf qwerty",
            "kal cricket match dekha?",
            "मौसम कैसा है"})
    void unrelatedQuestionsFindNothing(String question) {
        assertThat(matcher.match(question)).as("best: %s", matcher.best(question)).isEmpty();
    }

    @Test
    void inactiveEntriesAreNotMatched() {
        var entries = DemoFaq.entries().stream()
                .map(e -> e.key().equals("emi") ? new FaqEntry(null, e.key(), e.language(), e.question(), e.answer(), e.alternates(), false) : e)
                .toList();
        assertThat(new KnowledgeBaseMatcher(entries, KnowledgeBaseMatcher.DEFAULT_THRESHOLD).match("emi available?"))
                .map(KnowledgeBaseMatcher.Match::key).isNotEqualTo(java.util.Optional.of("emi"));
    }
}
