package com.whatsappflux.conversation;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * When any process instance ends (completed or cancelled), it no longer waits for anybody: its
 * awaiting-reply rows go in the same transaction. Added to every process by a parse listener, so
 * diagrams need nothing for it. An instance that started in the same engine command (most message intakes:
 * started, routed, ended) has rows only if it registered them in this transaction; otherwise the delete, which
 * would find nothing, is left out — it was a statement for most routed messages.
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
        ExecutionListener cleanup = execution -> {
            String processInstanceId = execution.getProcessInstanceId();
            if (!startedInThisCommand(execution) || !awaitingReplies.registeredNothingInThisTransaction(processInstanceId)) {
                awaitingReplies.removeInstance(processInstanceId);
            }
        };
        BpmnParseListener listener = new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addListener(ExecutionListener.EVENTNAME_END, cleanup);
            }
        };
        configuration.getCustomPostBPMNParseListeners().add(listener);
    }

    /** Whether the instance was inserted by the current command (not yet written: its rows are this command's). */
    static boolean startedInThisCommand(DelegateExecution execution) {
        CommandContext command = Context.getCommandContext();
        if (command == null || !(execution instanceof ExecutionEntity entity)) {
            return false;
        }
        CachedDbEntity cached = command.getDbEntityManager().getDbEntityCache().getCachedEntity(entity.getProcessInstance());
        return cached != null && (cached.getEntityState() == DbEntityState.TRANSIENT
                || cached.getEntityState() == DbEntityState.DELETED_TRANSIENT);
    }
}
