package com.whatsappflux.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Topic, "talk to a person" and negative sentiment on tables of real-looking messages in four languages. */
class SupportTopicClassifierTest {

    private final SentimentDetector sentiment = new SentimentDetector();
    private final SupportTopicClassifier classifier = new SupportTopicClassifier(sentiment);

    @ParameterizedTest(name = "{1} → {0}")
    @CsvSource(delimiter = '|', value = {
            "order_status    | where is my order 4521?",
            "order_status    | order status please",
            "order_status    | mera order kab aayega",
            "order_status    | abhi tak delivery nahi aaya",
            "order_status    | मेरा ऑर्डर कब आएगा?",
            "order_status    | என் ஆர்டர் எப்போது வரும்?",
            "timings         | what time do you open on saturday?",
            "timings         | shop ka address bhejo",
            "timings         | dukan kab khulti hai? kab khulta hai",
            "timings         | आपकी दुकान कहाँ है?",
            "timings         | கடை எங்கே உள்ளது? முகவரி",
            "reschedule      | can I reschedule the installation to friday",
            "reschedule      | technician visit ka time badal do, kal aa jao",
            "reschedule      | मेरा अपॉइंटमेंट का समय बदलना है",
            "availability    | is the 55 inch tv in stock?",
            "availability    | 1.5 ton AC kitne ka hai",
            "availability    | fridge ki kya rate hai",
            "availability    | क्या वॉशिंग मशीन उपलब्ध है? कीमत?",
            "availability    | மிக்ஸி விலை எவ்வளவு?",
            "faq             | do you give warranty on fridges",
            "faq             | EMI available on credit card?",
            "faq             | what is your return policy?",
            "faq             | installation kaise hoga",
            "faq             | क्या किस्त की सुविधा है",
            "refund          | I want to return this, please refund",
            "refund          | paisa wapas chahiye",
            "refund          | मुझे रिफंड चाहिए",
            "refund          | product kharab nikla, refund chahiye",
            "complaint       | product kharab nikla",
            "complaint       | the TV is not working since yesterday",
            "complaint       | washing machine tuta hua aaya",
            "complaint       | फ्रिज काम नहीं कर रहा",
            "complaint       | ஃப்ரிட்ஜ் வேலை செய்யவில்லை",
            "acknowledgement | ok thanks",
            "acknowledgement | ho gaya, shukriya",
            "acknowledgement | धन्यवाद",
            "other           | hmm"})
    void topicIsRecognised(String topic, String text) {
        assertThat(classifier.classify(text, Map.of()).topic()).isEqualTo(topic);
    }

    @Test
    void orderNumberEntityMakesItAnOrderQuestion_withConfidence() {
        TopicGuess guess = classifier.classify("4521 ka kya hua", Map.of("orderNumbers", List.of("4521")));
        assertThat(guess.topic()).isEqualTo("order_status");
        assertThat(guess.confidence()).isGreaterThanOrEqualTo(0.5);
        assertThat(classifier.classify("zzz", Map.of()).confidence()).isLessThan(0.4);
    }

    @ParameterizedTest(name = "person wanted: {0}")
    @CsvSource(delimiter = '|', value = {"I want to talk to a person", "customer care se baat karni hai", "please call me",
            "किसी से बात कराओ", "human please"})
    void requestForAPersonIsSpotted(String text) {
        assertThat(classifier.classify(text, Map.of()).wantsPerson()).isTrue();
    }

    @ParameterizedTest(name = "{1} → negative={0}")
    @CsvSource(delimiter = '|', value = {
            "true  | worst service ever",
            "true  | bakwas product hai",
            "true  | bilkul bekar fridge",
            "true  | घटिया सामान भेजा",
            "true  | this is a fraud",
            "true  | where is my order 😡",
            "true  | WHERE IS MY ORDER I PAID LAST WEEK",
            "true  | மோசமான சேவை",
            "false | where is my order 4521?",
            "false | thanks a lot 🙏",
            "false | EMI available?",
            "false | OK",
            "false | product kharab nikla, refund chahiye"})
    void negativeSentimentIsDetected(boolean negative, String text) {
        assertThat(sentiment.isNegative(text)).isEqualTo(negative);
    }
}
