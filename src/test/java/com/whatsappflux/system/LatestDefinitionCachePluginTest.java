package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The latest version of a workflow and of a decision, remembered: a deployment on the same node counts at once, one
 * on another node (a second engine on the same database) within the time to live.
 */
class LatestDefinitionCachePluginTest {

    private static final String DATABASE = "jdbc:h2:mem:latest-definition;DB_CLOSE_DELAY=-1";

    private ThreeNodes nodes;
    private ProcessEngine remembering;
    private ProcessEngine briefly;
    private ProcessEngine otherNode;

    @BeforeEach
    void startEngines() {
        nodes = new ThreeNodes(DATABASE, LatestDefinitionCachePlugin::new);
        remembering = nodes.remembering;
        briefly = nodes.briefly;
        otherNode = nodes.otherNode;
    }

    @AfterEach
    void closeEngines() {
        nodes.close();
    }

    @Test
    void aDeploymentOnThisNodeCountsAtOnce() {
        deploy(remembering, 1);
        assertThat(version(remembering)).isEqualTo("task v1, decided v1");

        deploy(remembering, 2);
        assertThat(version(remembering)).isEqualTo("task v2, decided v2");
        Object decided = remembering.getDecisionService().evaluateDecisionTableByKey("choose").evaluate().getSingleEntry();
        assertThat(decided).isEqualTo("v2");
    }

    @Test
    void anotherNodesDeploymentCountsOnceTheRememberedVersionExpired() {
        deploy(otherNode, 1);
        assertThat(version(remembering)).isEqualTo("task v1, decided v1");
        assertThat(version(briefly)).isEqualTo("task v1, decided v1");

        deploy(otherNode, 2);
        // the database already says v2: the answer below came from memory
        assertThat(version(otherNode)).isEqualTo("task v2, decided v2");
        assertThat(version(remembering)).isEqualTo("task v1, decided v1");
        await().atMost(Duration.ofSeconds(10)).until(() -> version(briefly).equals("task v2, decided v2"));
    }

    @Test
    void aDeletedDeploymentIsNotStartedFromMemory() {
        String first = deploy(remembering, 1);
        assertThat(version(remembering)).isEqualTo("task v1, decided v1");
        String second = deploy(remembering, 2);
        assertThat(version(remembering)).isEqualTo("task v2, decided v2");

        remembering.getRepositoryService().deleteDeployment(second, true);
        assertThat(version(remembering)).isEqualTo("task v1, decided v1");
        remembering.getRepositoryService().deleteDeployment(first, true);
        assertThatThrownBy(() -> remembering.getRuntimeService().startProcessInstanceByKey("greet"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("greet");
    }

    @Test
    void aSuspendedDefinitionStopsStartingOnceTheRememberedStateExpired() {
        deploy(briefly, 1);
        assertThat(version(briefly)).isEqualTo("task v1, decided v1");

        briefly.getRepositoryService().suspendProcessDefinitionByKey("greet");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThatThrownBy(() -> briefly.getRuntimeService().startProcessInstanceByKey("greet"))
                        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("suspended"));
        briefly.getRepositoryService().activateProcessDefinitionByKey("greet");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> version(briefly).equals("task v1, decided v1"));
    }

    @Test
    void aWorkflowVersionIsReadOnceWithinTheTimeToLive() {
        deploy(remembering, 1);
        String first = remembering.getRuntimeService().startProcessInstanceByKey("greet").getProcessDefinitionId();
        remembering.getRuntimeService().startProcessInstanceById(first);
        // another node suspends it: the database says so, this node's remembered state does not yet
        otherNode.getRepositoryService().suspendProcessDefinitionById(first);
        assertThat(otherNode.getRepositoryService().getProcessDefinition(first).isSuspended()).isTrue();
        assertThat(remembering.getRuntimeService().startProcessInstanceById(first).getProcessDefinitionId()).isEqualTo(first);
    }

    @Test
    void historyNamesTheWorkflowVersionFromTheDeploymentCache() {
        deploy(remembering, 1);
        deploy(remembering, 2);
        String id = remembering.getRuntimeService().startProcessInstanceByKey("greet").getId();

        assertThat(((ProcessEngineConfigurationImpl) remembering.getProcessEngineConfiguration()).getHistoryEventProducer())
                .isInstanceOf(LatestDefinitionCachePlugin.DeployedDefinitionsHistoryEventProducer.class);
        var instance = remembering.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(instance.getProcessDefinitionKey()).isEqualTo("greet");
        assertThat(instance.getProcessDefinitionVersion()).isEqualTo(2);
        assertThat(remembering.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id)
                .activityId("task_v2").singleResult().getProcessDefinitionKey()).isEqualTo("greet");
    }

    @Test
    void zeroLeavesCamundasCacheInPlace() {
        Class<?> cache = ((ProcessEngineConfigurationImpl) otherNode.getProcessEngineConfiguration()).getDeploymentCache().getClass();
        assertThat(cache).isEqualTo(DeploymentCache.class);
        Class<?> remembered = ((ProcessEngineConfigurationImpl) remembering.getProcessEngineConfiguration()).getDeploymentCache().getClass();
        assertThat(remembered).isEqualTo(LatestDefinitionCachePlugin.LatestVersions.class);
    }

    /** Version n of process "greet" (a business rule task on decision "choose", then a task) and of "choose". */
    private static String deploy(ProcessEngine engine, int version) {
        return engine.getRepositoryService().createDeployment().name("v" + version)
                .addModelInstance("greet.bpmn", Bpmn.createExecutableProcess("greet").camundaHistoryTimeToLive(1)
                        .startEvent()
                        .businessRuleTask("decide").camundaDecisionRef("choose").camundaResultVariable("answer")
                        .camundaMapDecisionResult("singleEntry")
                        .userTask("task_v" + version)
                        .endEvent().done())
                .addString("choose.dmn", decision(version))
                .deploy().getId();
    }

    /** The task the started instance waits in and what the decision answered it. */
    private static String version(ProcessEngine engine) {
        ProcessInstance started = engine.getRuntimeService().startProcessInstanceByKey("greet");
        String task = engine.getTaskService().createTaskQuery().processInstanceId(started.getId()).singleResult()
                .getTaskDefinitionKey();
        Object answer = engine.getRuntimeService().getVariable(started.getId(), "answer");
        return task.replace('_', ' ') + ", decided " + answer;
    }

    private static String decision(int version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="choose_definitions" name="Choose"
                             namespace="http://camunda.org/schema/1.0/dmn"
                             xmlns:camunda="http://camunda.org/schema/1.0/dmn">
                  <decision id="choose" name="Choose" camunda:historyTimeToLive="1">
                    <decisionTable id="choose_table">
                      <input id="choose_input"><inputExpression id="choose_expression" typeRef="integer"><text>1</text></inputExpression></input>
                      <output id="choose_output" name="answer" typeRef="string" />
                      <rule id="choose_rule">
                        <inputEntry id="choose_any"><text>-</text></inputEntry>
                        <outputEntry id="choose_entry"><text>"v%d"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(version);
    }
}
