package com.whatsappflux.support;

import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.whatsappflux.conversation.CustomerMessenger;

/** Files the message under a topic (with confidence, sentiment, "wants a person") and opens or updates the case. */
@Component
public class UnderstandQuestionDelegate implements JavaDelegate {

    private final SupportTopicClassifier classifier;
    private final SupportCases cases;
    private final ObjectMapper json;

    public UnderstandQuestionDelegate(SupportTopicClassifier classifier, SupportCases cases, ObjectMapper json) {
        this.classifier = classifier;
        this.cases = cases;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String text = (String) execution.getVariable(SupportProcess.MESSAGE_TEXT);
        TopicGuess guess = classifier.classify(text, entities(execution, json));
        if (execution.hasVariable(SupportProcess.CASE_ID)) {
            cases.retopic(((Number) execution.getVariable(SupportProcess.CASE_ID)).longValue(), guess);
        } else {
            long caseId = cases.open(CustomerMessenger.waId(execution), execution.getProcessInstanceId(), guess, text);
            execution.setVariable(SupportProcess.CASE_ID, caseId);
            execution.setVariable(SupportProcess.UNANSWERED_TRIES, 0);
        }
        execution.setVariable(SupportProcess.TOPIC, guess.topic());
        execution.setVariable(SupportProcess.TOPIC_CONFIDENCE, guess.confidence());
        execution.setVariable(SupportProcess.NEGATIVE_SENTIMENT, guess.negativeSentiment());
        execution.setVariable(SupportProcess.WANTS_PERSON, guess.wantsPerson());
    }

    /** The intake's entities (a JSON string); only the first message has them. */
    static Map<String, Object> entities(DelegateExecution execution, ObjectMapper json) {
        Object raw = execution.getVariable(SupportProcess.ENTITIES);
        if (raw == null || raw.toString().isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(raw.toString(), new TypeReference<Map<String, Object>>() { });
        } catch (Exception unreadable) {
            return Map.of();
        }
    }
}
