package com.whatsappflux.whatsapp;

import java.util.Set;

/** How a sender treats each Cloud API error code (reference §9): retry with backoff, or give up now. */
final class GraphErrorCodes {

    /** Throughput, pair rate, app/WABA rate limits, transient server trouble, account maintenance. */
    private static final Set<Integer> RETRYABLE = Set.of(130429, 131056, 4, 80007, 131000, 131016, 131057, 1, 2);

    /**
     * Problems of our configuration, not of the message: a later retry (after the owner fixed the token or
     * registered the number) may succeed, so they are not remembered as final for the message.
     */
    private static final Set<Integer> CONFIGURATION = Set.of(190, 133010, 368, 131031, 131042, 132015, 0, 3, 10);

    static final int OUTSIDE_WINDOW = 131047;

    private GraphErrorCodes() {
    }

    static boolean isRetryable(Integer code) {
        return code == null || RETRYABLE.contains(code);
    }

    static boolean isConfiguration(Integer code) {
        return code != null && (CONFIGURATION.contains(code) || (code >= 200 && code <= 299));
    }
}
