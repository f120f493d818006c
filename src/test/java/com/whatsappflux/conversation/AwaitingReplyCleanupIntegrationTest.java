package com.whatsappflux.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.whatsappflux.testing.FluxIntegrationTest;

/**
 * An instance that ends waits for nobody any more, whether it registered its wait in an earlier transaction or in
 * the one it ends in; one started and ended in one command without registering is spared the delete.
 */
class AwaitingReplyCleanupIntegrationTest extends FluxIntegrationTest {

    /** The bean, for the probe delegate (instantiated by the engine, not by Spring). */
    private static AwaitingReplies awaiting;

    /** Registers that the probe's instance waits for customer "cleanup-probe". */
    public static class RegisterWait implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            awaiting.register("cleanup-probe", execution.getProcessInstanceId(), AwaitingReplies.CUSTOMER_REPLIED,
                    "probe", null, Instant.now());
        }
    }

    /** Whether the instance was new in the command that last ran {@link RecordNewness}. */
    private static volatile Boolean newInCommand;

    public static class RecordNewness implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            newInCommand = AwaitingReplyCleanupPlugin.startedInThisCommand(execution);
        }
    }

    @Autowired
    private AwaitingReplies awaitingReplies;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transactions;

    private String deploymentId;

    @BeforeEach
    void deployProbes() {
        awaiting = awaitingReplies;
        deploymentId = repositoryService.createDeployment().name("cleanup probes")
                .addModelInstance("probe-ends-at-once.bpmn", Bpmn.createExecutableProcess("probe-ends-at-once")
                        .camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("registerWait").camundaClass(RegisterWait.class)
                        .serviceTask("recordNewness").camundaClass(RecordNewness.class)
                        .endEvent().done())
                .addModelInstance("probe-waits.bpmn", Bpmn.createExecutableProcess("probe-waits")
                        .camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("registerWait").camundaClass(RegisterWait.class)
                        .userTask("answer")
                        .serviceTask("recordNewness").camundaClass(RecordNewness.class)
                        .endEvent().done())
                .addModelInstance("probe-never-waits.bpmn", Bpmn.createExecutableProcess("probe-never-waits")
                        .camundaHistoryTimeToLive(1).startEvent().endEvent().done())
                .deploy().getId();
    }

    @AfterEach
    void removeProbes() {
        repositoryService.deleteDeployment(deploymentId, true);
        jdbc.update("DELETE FROM awaiting_reply WHERE customer_key = 'cleanup-probe'");
    }

    @Test
    void aWaitRegisteredInTheTransactionTheInstanceEndsInIsRemoved() {
        String id = runtimeService.startProcessInstanceByKey("probe-ends-at-once").getId();
        assertThat(newInCommand).isTrue();
        assertThat(rowsOf(id)).isZero();

        String inRound = transactions.execute(tx -> {
            String started = runtimeService.startProcessInstanceByKey("probe-never-waits").getId();
            return started + "," + runtimeService.startProcessInstanceByKey("probe-ends-at-once").getId();
        });
        assertThat(rowsOf(inRound.split(",")[1])).isZero();
    }

    @Test
    void aWaitRegisteredEarlierIsRemovedWhenTheInstanceEnds() {
        String id = runtimeService.startProcessInstanceByKey("probe-waits").getId();
        assertThat(rowsOf(id)).isOne();

        taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId());
        assertThat(newInCommand).isFalse();
        assertThat(rowsOf(id)).isZero();
    }

    @Test
    void aWaitRegisteredEarlierIsRemovedWhenTheInstanceIsCancelled() {
        String id = runtimeService.startProcessInstanceByKey("probe-waits").getId();
        assertThat(rowsOf(id)).isOne();

        runtimeService.deleteProcessInstance(id, "cancelled in Cockpit");
        assertThat(rowsOf(id)).isZero();
    }

    @Test
    void theTransactionKnowsWhichInstancesRegisteredAWait() {
        String id = runtimeService.startProcessInstanceByKey("probe-waits").getId();
        boolean[] seen = new boolean[1];
        transactions.executeWithoutResult(tx -> {
            assertThat(awaitingReplies.registeredNothingInThisTransaction(id)).isTrue();
            awaitingReplies.register("cleanup-probe", id, "other", "probe", null, Instant.now());
            assertThat(awaitingReplies.registeredNothingInThisTransaction(id)).isFalse();
            seen[0] = true;
        });
        assertThat(seen[0]).isTrue();
        assertThat(awaitingReplies.registeredNothingInThisTransaction(id)).as("no transaction: cannot tell").isFalse();
    }

    private int rowsOf(String processInstanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM awaiting_reply WHERE process_instance_id = ?", Integer.class,
                processInstanceId);
    }
}
