package com.whatsappflux.whatsapp;

/**
 * Why a message could not be sent. Workflows catch the business ones as BPMN errors with these codes;
 * technical ones end as job retries and then incidents in Cockpit.
 */
public class SendFailure extends RuntimeException {

    /** BPMN error code for "free-form outside the 24-hour window and no template given". */
    public static final String OUTSIDE_SERVICE_WINDOW = "outsideServiceWindow";
    /** BPMN error code for "the customer opted out of marketing". */
    public static final String OPTED_OUT = "optedOut";
    /** BPMN error code for "WhatsApp refused this message for good (not on WhatsApp, template rejected …)". */
    public static final String REJECTED = "whatsappRejected";

    private final String bpmnErrorCode;
    private final Integer graphErrorCode;
    private final boolean retryable;

    public SendFailure(String bpmnErrorCode, Integer graphErrorCode, boolean retryable, String message) {
        super(message);
        this.bpmnErrorCode = bpmnErrorCode;
        this.graphErrorCode = graphErrorCode;
        this.retryable = retryable;
    }

    public static SendFailure outsideWindow(String customerKey) {
        return new SendFailure(OUTSIDE_SERVICE_WINDOW, 131047, false,
                "Customer " + customerKey + " last wrote more than 24 hours ago: only a template may be sent");
    }

    public static SendFailure optedOut(String customerKey) {
        return new SendFailure(OPTED_OUT, null, false, "Customer " + customerKey + " opted out of marketing messages");
    }

    public static SendFailure rejected(int code, String message) {
        return new SendFailure(REJECTED, code, false, "WhatsApp rejected the message (#" + code + "): " + message);
    }

    public static SendFailure retryable(Integer code, String message) {
        return new SendFailure(null, code, true, "WhatsApp send failed, will retry"
                + (code == null ? "" : " (#" + code + ")") + ": " + message);
    }

    public String bpmnErrorCode() {
        return bpmnErrorCode;
    }

    public Integer graphErrorCode() {
        return graphErrorCode;
    }

    public boolean retryable() {
        return retryable;
    }
}
