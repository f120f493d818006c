package com.whatsappflux.intent;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a customer (or supplier) wants; the codes are the contract values in contracts.md. */
public enum Intent {
    LEAD("lead"), SUPPORT("support"), PAYMENT("payment"), BOOKING("booking"), VENDOR("vendor"), OPT_OUT("opt_out"), OTHER("other");

    private final String code;

    Intent(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Intent fromCode(String code) {
        for (Intent intent : values()) {
            if (intent.code.equalsIgnoreCase(code.trim())) {
                return intent;
            }
        }
        throw new IllegalArgumentException("unknown intent: " + code);
    }
}
