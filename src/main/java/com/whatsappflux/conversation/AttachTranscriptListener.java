package com.whatsappflux.conversation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the conversation so far on a new Tasklist task (task-local {@code transcript}), so staff see what
 * the customer said without it living in the process variables.
 */
@Component
public class AttachTranscriptListener implements TaskListener {

    static final int LINES = 40;

    private final TranscriptService transcripts;

    public AttachTranscriptListener(TranscriptService transcripts) {
        this.transcripts = transcripts;
    }

    @Override
    public void notify(DelegateTask task) {
        Object waId = task.getVariable(CustomerMessenger.WA_ID);
        if (waId != null) {
            task.setVariableLocal("transcript", transcripts.asText(waId.toString(), LINES));
        }
    }
}
