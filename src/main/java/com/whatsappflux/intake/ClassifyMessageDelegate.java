package com.whatsappflux.intake;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.crm.ContactService;
import com.whatsappflux.intent.Classification;
import com.whatsappflux.intent.IntentClassifier;

/** "Classify message": intent, confidence, language and entities of the message text. */
@Component
public class ClassifyMessageDelegate implements JavaDelegate {

    /** Openers that deserve the menu rather than a silent acknowledgement. */
    private static final Pattern GREETING = Pattern.compile(
            "^(hi+|hello+|hey+|hii+|helo|namaste|namaskar|vanakkam|good (morning|afternoon|evening)|gm|"
                    + "नमस्ते|नमस्कार|வணக்கம்|నమస్కారం|নমস্কার|ನಮಸ್ಕಾರ|નમસ્તે|നമസ്കാരം|ਸਤ ?ਸ੍ਰੀ ਅਕਾਲ|salaam|"
                    + "sat sri akal|hola)( (sir|madam|mam|ji|there|team))?[ !.🙏👋]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final IntentClassifier classifier;
    private final ContactService contacts;
    private final ObjectMapper json;

    public ClassifyMessageDelegate(IntentClassifier classifier, ContactService contacts, ObjectMapper json) {
        this.classifier = classifier;
        this.contacts = contacts;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        String text = (String) execution.getVariable(IntakeProcess.MESSAGE_TEXT);
        if (text == null || text.isBlank()) {
            // media without caption, a location, a contact card: nothing to classify
            execution.setVariable(IntakeProcess.INTENT, "other");
            execution.setVariable(IntakeProcess.CONFIDENCE, 0.0);
            execution.setVariable(IntakeProcess.GREETING, false);
            execution.setVariable(IntakeProcess.ENTITIES, "{}");
            return;
        }
        Classification c = classifier.classify(text);
        execution.setVariable(IntakeProcess.INTENT, c.intent().code());
        execution.setVariable(IntakeProcess.CONFIDENCE, c.confidence());
        execution.setVariable(IntakeProcess.ENTITIES, json.writeValueAsString(c.entities().toMap()));
        execution.setVariable(IntakeProcess.GREETING, GREETING.matcher(text.trim()).matches());
        if (c.language() != null && (text.trim().length() >= 4 || execution.getVariable(IntakeProcess.LANGUAGE) == null)) {
            execution.setVariable(IntakeProcess.LANGUAGE, c.language());
            contacts.setLanguage((String) execution.getVariable(IntakeProcess.WA_ID), c.language());
        }
    }
}
