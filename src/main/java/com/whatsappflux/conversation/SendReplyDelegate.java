package com.whatsappflux.conversation;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.business.BusinessHours;
import com.whatsappflux.business.BusinessProfileService;
import com.whatsappflux.crm.ContactService;
import com.whatsappflux.whatsapp.OutboundContent;

/**
 * Sends one fixed text (input parameter {@code textKey}) in the customer's language. Placeholders:
 * {0} customer name, {1} business name, {2} when staff are next available ("now" during opening hours).
 */
@Component
public class SendReplyDelegate implements JavaDelegate {

    public static final DateTimeFormatter INDIAN_DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM, h:mm a", Locale.ENGLISH);

    private final CustomerMessenger messenger;
    private final ReplyTexts texts;
    private final ContactService contacts;
    private final BusinessHours hours;
    private final BusinessProfileService profile;

    public SendReplyDelegate(CustomerMessenger messenger, ReplyTexts texts, ContactService contacts, BusinessHours hours,
                             BusinessProfileService profile) {
        this.messenger = messenger;
        this.texts = texts;
        this.contacts = contacts;
        this.hours = hours;
        this.profile = profile;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String key = (String) execution.getVariableLocal("textKey");
        String language = CustomerMessenger.language(execution);
        String name = contacts.find(CustomerMessenger.waId(execution)).map(c -> c.displayName()).orElse("");
        String text = texts.get(language, key, name, profile.profile().name(), nextAvailable(language));
        messenger.tell(execution, OutboundContent.text(text));
    }

    private String nextAvailable(String language) {
        if (hours.isOpen()) {
            return texts.get(language, "time.shortly");
        }
        ZonedDateTime next = hours.nextOpening();
        return next.format(INDIAN_DATE_TIME);
    }
}
