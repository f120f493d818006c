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

    /**
     * Our setup is wrong (expired token 190, number not registered …), not the message: a technical failure, so
     * the job retries and ends as an incident instead of a workflow treating the customer as unreachable.
     */
    public static SendFailure configuration(int code, String message) {
        return new SendFailure(null, code, true, "WhatsApp refused our configuration (#" + code + "), fix it and retry: "
                + message);
    }

    public static SendFailure retryable(Integer code, String message) {
        return new SendFailure(null, code, true, "WhatsApp send failed, will retry"
                + (code == null ? "" : " (#" + code + ")") + ": " + message);
    }

    /** No answer from Meta: retried by the job later, when a status webhook may have shown it was accepted. */
    public static SendFailure inDoubt(String message) {
        return new SendFailure(null, null, true, "WhatsApp did not answer (" + message + "); the message may have been "
                + "accepted: the retry sends it again only if no status for it arrived meanwhile");
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
