package com.whatsappflux.support;

/** Names of the support-triage process (processes/support-triage.bpmn) and of the variables it carries. */
public final class SupportProcess {

    public static final String KEY = "support-triage";
    public static final String DECISION = "support-topic-route";
    /** The topic this workflow waits on: free text the classifier confidently files elsewhere becomes new work. */
    public static final String CONVERSATION_TOPIC = "support";

    // variables from the intake (contracts.md)
    public static final String WA_ID = "waId";
    public static final String LANGUAGE = "language";
    public static final String MESSAGE_TEXT = "messageText";
    public static final String ENTITIES = "entities";
    public static final String REPLY_ID = "replyId";

    // set by "Understand question"
    public static final String CASE_ID = "supportCaseId";
    public static final String TOPIC = "topic";
    public static final String TOPIC_CONFIDENCE = "topicConfidence";
    public static final String NEGATIVE_SENTIMENT = "negativeSentiment";
    public static final String WANTS_PERSON = "wantsPerson";
    /** Automatic answers the customer did not confirm (incremented when they write again instead). */
    public static final String UNANSWERED_TRIES = "unansweredTries";

    /** DMN result: order_status, business_info, availability, faq, booking, human, solved. */
    public static final String HANDLING = "handling";
    /** found, ask_number, not_found. */
    public static final String ORDER_LOOKUP = "orderLookup";
    public static final String ORDER_NUMBER = "orderNumber";
    /** Whether an automatic answer was sent (false: nothing confident to say). */
    public static final String ANSWERED = "answered";
    public static final String RATING = "rating";
    public static final String STAFF_REPLY = "staffReply";

    // reply button / list row ids
    public static final String BUTTON_SOLVED = "SUPPORT_SOLVED";
    public static final String BUTTON_PERSON = "SUPPORT_PERSON";
    public static final String RATING_ROW_PREFIX = "SUPPORT_CSAT_";

    // input parameter of closeSupportCaseDelegate
    public static final String RESOLVED_BY = "resolvedBy";

    // element ids tests and operators refer to
    public static final String TASK_RESOLVE_CASE = "userTask_resolveSupportCase";

    private SupportProcess() {
    }
}
