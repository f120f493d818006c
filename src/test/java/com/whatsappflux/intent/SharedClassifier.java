package com.whatsappflux.intent;

import java.time.ZoneId;

/** One trained model for all tests in the package (training takes a few hundred milliseconds). */
final class SharedClassifier {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final BuiltInIntentClassifier INSTANCE = BuiltInIntentClassifier.fromClasspath(KOLKATA);

    private SharedClassifier() {
    }
}
