package com.whatsappflux.booking;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;
import com.whatsappflux.system.BusinessClock;

/** Reads the request: service (if clear), preferred date/time, special request, and whether it reschedules a booking. */
@Component
public class UnderstandBookingRequestDelegate implements JavaDelegate {

    private final BookingRequestReader reader;
    private final BookingAnswers answers;
    private final BookingCalendarRepository calendar;
    private final BookingService bookings;
    private final BusinessClock clock;

    public UnderstandBookingRequestDelegate(BookingRequestReader reader, BookingAnswers answers, BookingCalendarRepository calendar,
                                            BookingService bookings, BusinessClock clock) {
        this.reader = reader;
        this.answers = answers;
        this.calendar = calendar;
        this.bookings = bookings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String text = (String) execution.getVariable(BookingProcess.MESSAGE_TEXT);
        String entities = execution.getVariable(BookingProcess.ENTITIES) == null ? null
                : execution.getVariable(BookingProcess.ENTITIES).toString();
        var services = calendar.services();
        var service = reader.service(text, services);
        // "reschedule my appointment" as a new conversation: same service, the old booking goes when the new one is confirmed
        var existing = bookings.nextFor(CustomerMessenger.waId(execution));
        boolean reschedule = existing.isPresent() && answers.isRescheduleRequest(text);
        if (reschedule && service.isEmpty()) {
            service = services.stream().filter(s -> s.id() == existing.get().serviceId()).findFirst();
        }
        execution.setVariable(BookingProcess.REPLACES_BOOKING_ID, reschedule ? existing.get().id() : null);
        execution.setVariable(BookingProcess.SERVICE_KNOWN, service.isPresent());
        execution.setVariable(BookingProcess.SERVICE_ID, service.map(BusinessCalendar.Service::id).orElse(null));
        execution.setVariable(BookingProcess.SERVICE_NAME, service.map(BusinessCalendar.Service::name).orElse(null));
        BookingVariables.setPreference(execution, reader.preference(text, entities, clock.nowInZone()));
        boolean special = reader.isSpecialRequest(text);
        execution.setVariable(BookingProcess.SPECIAL_REQUEST, special);
        execution.setVariable(BookingProcess.HANDOVER_REASON, special ? "Special request" : null);
        execution.setVariable(BookingProcess.REJECTED_ROUNDS, 0);
        execution.setVariable(BookingProcess.SLOT_WAS_TAKEN, false);
    }
}
