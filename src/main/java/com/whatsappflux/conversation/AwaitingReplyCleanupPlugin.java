package com.whatsappflux.conversation;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * When any process instance ends (completed or cancelled), it no longer waits for anybody: its
 * awaiting-reply rows go in the same transaction. Added to every process by a parse listener, so
 * diagrams need nothing for it.
 */
@Component
public class AwaitingReplyCleanupPlugin extends AbstractProcessEnginePlugin {

    private final AwaitingReplies awaitingReplies;

    public AwaitingReplyCleanupPlugin(@Lazy AwaitingReplies awaitingReplies) {
        this.awaitingReplies = awaitingReplies;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener cleanup = execution -> awaitingReplies.removeInstance(execution.getProcessInstanceId());
        BpmnParseListener listener = new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addListener(ExecutionListener.EVENTNAME_END, cleanup);
            }
        };
        configuration.getCustomPostBPMNParseListeners().add(listener);
    }
}
