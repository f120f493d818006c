package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionManager;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job definition (suspension state, overriding priority) remembered: a change on the same node counts at once,
 * one on another node (a second engine on the same database) within the time to live, and a priority can be set again
 * and again without writing over a stale revision.
 */
class JobDefinitionCachePluginTest {

    private static final String DATABASE = "jdbc:h2:mem:job-definition;DB_CLOSE_DELAY=-1";

    private ThreeNodes nodes;
    private ProcessEngine remembering;
    private ProcessEngine briefly;
    private ProcessEngine otherNode;

    @BeforeEach
    void startEnginesAndDeploy() {
        nodes = new ThreeNodes(DATABASE, JobDefinitionCachePlugin::new);
        remembering = nodes.remembering;
        briefly = nodes.briefly;
        otherNode = nodes.otherNode;
        otherNode.getRepositoryService().createDeployment()
                .addModelInstance("work.bpmn", Bpmn.createExecutableProcess("work").camundaHistoryTimeToLive(1)
                        .startEvent()
                        .serviceTask("save").camundaAsyncBefore().camundaExpression("${true}")
                        .endEvent().done())
                .deploy();
    }

    @AfterEach
    void closeEngines() {
        nodes.close();
    }

    @Test
    void anotherNodesSuspensionCountsOnceTheRememberedRowExpired() {
        // a node's first start parses the workflow, which reads its job definitions in that command; the second reads one
        for (ProcessEngine node : List.of(remembering, remembering, briefly, briefly)) {
            assertThat(newJob(node).isSuspended()).isFalse();
        }

        otherNode.getManagementService().suspendJobDefinitionByProcessDefinitionKey("work");
        // the database says suspended: the answer below came from memory
        assertThat(newJob(otherNode).isSuspended()).isTrue();
        assertThat(newJob(remembering).isSuspended()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> newJob(briefly).isSuspended());
    }

    @Test
    void aSuspensionOnThisNodeCountsAtOnce() {
        assertThat(newJob(remembering).isSuspended()).isFalse();

        remembering.getManagementService().suspendJobDefinitionByProcessDefinitionKey("work");
        assertThat(newJob(remembering).isSuspended()).isTrue();
        remembering.getManagementService().activateJobDefinitionByProcessDefinitionKey("work");
        assertThat(newJob(remembering).isSuspended()).isFalse();
    }

    @Test
    void aPriorityOnThisNodeCountsAtOnceAndCanBeSetAgain() {
        assertThat(newJob(remembering).getPriority()).isZero();

        remembering.getManagementService().setOverridingJobPriorityForJobDefinition(jobDefinitionId(), 5);
        assertThat(newJob(remembering).getPriority()).isEqualTo(5);
        remembering.getManagementService().setOverridingJobPriorityForJobDefinition(jobDefinitionId(), 7);
        assertThat(newJob(remembering).getPriority()).isEqualTo(7);
    }

    @Test
    void aPriorityIsNeverWrittenOverAnotherNodesNewerRevision() {
        newJob(remembering);
        assertThat(newJob(remembering).getPriority()).isZero(); // remembers revision 1

        otherNode.getManagementService().setOverridingJobPriorityForJobDefinition(jobDefinitionId(), 5);
        remembering.getManagementService().setOverridingJobPriorityForJobDefinition(jobDefinitionId(), 9);

        assertThat(otherNode.getManagementService().createJobDefinitionQuery().singleResult().getOverridingJobPriority())
                .isEqualTo(9);
        assertThat(newJob(remembering).getPriority()).isEqualTo(9);
    }

    @Test
    void jobsRunWithTheRememberedRow() {
        Job job = newJob(remembering);
        remembering.getManagementService().executeJob(job.getId());
        Job next = newJob(remembering);
        remembering.getManagementService().executeJob(next.getId());

        assertThat(remembering.getHistoryService().createHistoricProcessInstanceQuery().finished().count()).isEqualTo(2);
    }

    @Test
    void zeroLeavesCamundasManagerInPlace() {
        assertThat(sessionFactory(otherNode)).isNotInstanceOf(JobDefinitionCachePlugin.Factory.class);
        assertThat(sessionFactory(remembering)).isInstanceOf(JobDefinitionCachePlugin.Factory.class);
    }

    private static Object sessionFactory(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSessionFactories()
                .get(JobDefinitionManager.class);
    }

    private String jobDefinitionId() {
        return otherNode.getManagementService().createJobDefinitionQuery().singleResult().getId();
    }

    /** The job of the asynchronous step of a new instance, created by the given node. */
    private static Job newJob(ProcessEngine engine) {
        String id = engine.getRuntimeService().startProcessInstanceByKey("work").getId();
        return engine.getManagementService().createJobQuery().processInstanceId(id).singleResult();
    }

}
