package com.whatsappflux.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Opt-out has legal weight: every language must be understood, and innocent uses of "stop" must not trigger it. */
class OptOutRuleTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"STOP", "stop", "Unsubscribe", "please stop sending me these messages", "remove my number from your list",
        "band karo", "mat bhejo message", "message mat karo", "msg mat bhejo yaar", "बंद करो", "मैसेज मत भेजो", "मेरा नंबर हटा दो",
        "मेसेज पाठवू नका", "மெசேஜ் அனுப்ப வேண்டாம்", "inimel message anupa vendam", "మెసేజ్ పంపవద్దు", "মেসেজ পাঠাবেন না",
        "ಮೆಸೇಜ್ ಕಳುಹಿಸಬೇಡಿ", "મેસેજ ના મોકલશો", "മെസേജ് അയക്കരുത്", "ਮੈਸੇਜ ਨਾ ਭੇਜੋ", "stop sir 🙏"})
    void optOutsInEveryLanguage(String text) {
        assertThat(SharedClassifier.INSTANCE.classify(text).intent()).as(text).isEqualTo(Intent.OPT_OUT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"non-stop music system chahiye, rate?", "deliver near the bus stop please", "please don't stop the service",
        "stop sending me wrong items", "the fan stopped working", "AC band mat karna abhi", "galat saman mat bhejo",
        "bus stop ke paas wali dukaan kab khulti hai"})
    void innocentStopsAreNotOptOuts(String text) {
        assertThat(SharedClassifier.INSTANCE.classify(text).intent()).as(text).isNotEqualTo(Intent.OPT_OUT);
    }
}
