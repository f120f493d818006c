package com.whatsappflux.support;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * SLA passed: the open "Resolve support case" task also appears for {@code managers}, with high priority.
 * The task stays where it is (the escalation is non-interrupting).
 */
@Component
public class EscalateSupportCaseDelegate implements JavaDelegate {

    static final String MANAGERS = "managers";
    static final int ESCALATED_PRIORITY = 80;

    private final TaskService taskService;
    private final SupportCases cases;

    public EscalateSupportCaseDelegate(TaskService taskService, SupportCases cases) {
        this.taskService = taskService;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(SupportProcess.TASK_RESOLVE_CASE).list().forEach(task -> {
                    taskService.addCandidateGroup(task.getId(), MANAGERS);
                    taskService.setPriority(task.getId(), ESCALATED_PRIORITY);
                });
        cases.escalated(((Number) execution.getVariable(SupportProcess.CASE_ID)).longValue());
    }
}
