package com.whatsappflux.intake;

/** Names of the message-intake process (processes/message-intake.bpmn) and of the variables it carries. */
public final class IntakeProcess {

    public static final String KEY = "message-intake";
    /** Starts the intake in the background (the job executor): a message whose routing failed once, or any
     *  message when the classifier is a remote service. */
    public static final String QUEUED = "messageQueued";

    public static final String WA_ID = "waId";
    public static final String LANGUAGE = "language";
    public static final String MESSAGE_ID = "messageId";
    public static final String MESSAGE_TEXT = "messageText";
    public static final String MESSAGE_TYPE = "messageType";
    public static final String PHONE_NUMBER_ID = "phoneNumberId";
    public static final String REPLY_ID = "replyId";
    public static final String LEAD_SOURCE = "leadSource";
    public static final String AD_HEADLINE = "adHeadline";
    /** 1 for the first message, +1 for each answer to "what do you need?" (the route table hands over at 2). */
    public static final String ATTEMPT = "attempt";

    /** Set by the classification step. */
    public static final String INTENT = "intent";
    public static final String CONFIDENCE = "confidence";
    public static final String ENTITIES = "entities";
    public static final String GREETING = "greeting";

    /** Set by the router when a reply arrives for a waiting instance. */
    public static final String REPLY_TEXT = "replyText";
    public static final String REPLY_MESSAGE_ID = "replyMessageId";
    public static final String REPLY_TYPE = "replyType";

    private IntakeProcess() {
    }
}
