package com.whatsappflux.booking;

/** Names the appointment-booking and appointment-follow-up diagrams and their delegates share. */
public final class BookingProcess {

    public static final String KEY = "appointment-booking";
    public static final String FOLLOW_UP_KEY = "appointment-follow-up";
    public static final String TOPIC = "booking";
    public static final String ERROR_SLOT_TAKEN = "slotTaken";

    // variables handed over by the intake
    public static final String WA_ID = "waId";
    public static final String LANGUAGE = "language";
    public static final String MESSAGE_TEXT = "messageText";
    public static final String ENTITIES = "entities";
    public static final String CUSTOMER_NAME = "customerName";
    // the reply to a question (customerReplied)
    public static final String REPLY_TEXT = "replyText";
    public static final String REPLY_ID = "replyId";

    // this feature's variables (ids and flags; the data is in the booking tables)
    public static final String SERVICE_ID = "serviceId";
    public static final String SERVICE_NAME = "serviceName";
    public static final String SERVICE_KNOWN = "serviceKnown";
    public static final String SPECIAL_REQUEST = "specialRequest";
    public static final String PREFERRED_DATE = "preferredDate";
    public static final String PREFERRED_UNTIL = "preferredUntil";
    public static final String PREFERRED_TIME = "preferredTime";
    public static final String PREFERRED_PART_OF_DAY = "preferredPartOfDay";
    public static final String PREFERENCE_SUMMARY = "preferenceSummary";
    public static final String SLOTS_OFFERED = "slotsOffered";
    public static final String PREFERENCE_MET = "preferenceMet";
    public static final String SLOT_WAS_TAKEN = "slotWasTaken";
    public static final String REJECTED_ROUNDS = "rejectedRounds";
    public static final String CUSTOMER_ANSWER = "customerAnswer";
    public static final String PICKED_SLOT = "pickedSlot";
    public static final String BOOKING_ID = "bookingId";
    /** A reschedule that arrived as a new conversation: the customer's booking that the new one replaces. */
    public static final String REPLACES_BOOKING_ID = "replacesBookingId";
    public static final String HANDOVER_REASON = "handoverReason";
    public static final String NEXT_STEP = "nextStep";
    public static final String NEXT_STEP_AT = "nextStepAt";
    public static final String NEXT_REMINDER = "nextReminder";
    public static final String REMINDERS_SENT = "remindersSent";
    public static final String ATTENDANCE = "attendance";
    public static final String APPOINTMENT_OUTCOME = "appointmentOutcome";
    public static final String APPOINTMENT_SUMMARY = "appointmentSummary";

    // answers (customerAnswer)
    public static final String ANSWER_PICKED = "picked";
    public static final String ANSWER_NONE = "none";
    public static final String ANSWER_SPECIAL = "special";
    public static final String ANSWER_CONFIRM = "confirm";
    public static final String ANSWER_OTHER = "other";
    public static final String ANSWER_SERVICE = "service";
    public static final String ANSWER_RESCHEDULE = "reschedule";
    public static final String ANSWER_CANCEL = "cancel";

    // button / row ids the customer taps (template quick-reply payloads too)
    public static final String BUTTON_CONFIRM = "CONFIRM";
    public static final String BUTTON_RESCHEDULE = "RESCHEDULE";
    public static final String BUTTON_CANCEL = "CANCEL";
    public static final String BUTTON_OTHER_TIMES = "BOOKING_OTHER_TIMES";
    public static final String ROW_NONE_FITS = "BOOKING_NONE_FITS";
    public static final String ROW_SERVICE_PREFIX = "SERVICE_";

    public static final String REMINDER_TEMPLATE = "appointment_reminder";

    private BookingProcess() {
    }
}
