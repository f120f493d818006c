package com.whatsappflux.intake;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Leaves the message intake's automatic steps out of the activity history. Every message runs through seven of them
 * (received, classified, customer looked up, route decided, which route?, workflow started, started) in the
 * transaction that routes it; as history rows they were more than a third of everything routing wrote to the
 * database, and they say nothing the message's inbox row does not (intent, confidence, language, route, the
 * workflow's instance). Kept: the intake instance itself (started, ended), its steps that wait for someone (a
 * person's task, the customer's answer, a timer), and every step of every other workflow. Failures are unaffected:
 * they are jobs and incidents, not history. {@code flux.intake.step-history=true} records them all again.
 */
@Component
@ConditionalOnProperty(name = "flux.intake.step-history", havingValue = "false", matchIfMissing = true)
public class IntakeStepHistoryPlugin extends AbstractProcessEnginePlugin {

    /** The intake's steps that wait, and so are worth a row: who handled the message, when the customer answered. */
    static final Set<String> WAITING_STEPS = Set.of(ActivityTypes.TASK_USER_TASK,
            ActivityTypes.INTERMEDIATE_EVENT_MESSAGE, ActivityTypes.INTERMEDIATE_EVENT_TIMER,
            ActivityTypes.GATEWAY_EVENT_BASED);

    /** Wraps the handler the engine built (its database handler and any others), which it looks up per event. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new WithoutIntakeSteps(configuration.getHistoryEventHandler()));
    }

    static boolean isIntakeStep(HistoryEvent event) {
        return event instanceof HistoricActivityInstanceEventEntity activity
                && IntakeProcess.KEY.equals(activity.getProcessDefinitionKey())
                && !WAITING_STEPS.contains(activity.getActivityType());
    }

    /** The engine's handler, minus the intake's automatic steps. */
    record WithoutIntakeSteps(HistoryEventHandler engine) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!isIntakeStep(event)) {
                engine.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
