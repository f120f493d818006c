package com.whatsappflux.lead;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Close hot lead" is overdue: managers see it too, with high priority. The task stays with its owner
 * (the escalation is non-interrupting).
 */
@Component
public class EscalateHotLeadDelegate implements JavaDelegate {

    static final String MANAGERS = "managers";
    static final int ESCALATED_PRIORITY = 90;

    private final TaskService taskService;

    public EscalateHotLeadDelegate(TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(LeadProcess.TASK_CLOSE_HOT_LEAD).list().forEach(task -> {
                    taskService.addCandidateGroup(task.getId(), MANAGERS);
                    taskService.setPriority(task.getId(), ESCALATED_PRIORITY);
                });
    }
}
