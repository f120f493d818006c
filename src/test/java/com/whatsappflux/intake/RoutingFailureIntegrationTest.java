package com.whatsappflux.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.whatsappflux.testing.FluxIntegrationTest;

/**
 * An analyst deploys a route table that cannot decide (two rules match, one answer expected). The dispatcher's
 * synchronous attempt fails, the message is resubmitted to the job executor, fails there as an incident in Cockpit,
 * and once the table is fixed a retry routes it and the customer gets the reply. Nothing is lost or sent twice.
 */
class RoutingFailureIntegrationTest extends FluxIntegrationTest {

    private static final String UNDECIDABLE_ROUTE_TABLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="broken_route" name="Broken route"
                         namespace="http://camunda.org/schema/1.0/dmn"
                         xmlns:camunda="http://camunda.org/schema/1.0/dmn">
              <decision id="message-route" name="Message route" camunda:historyTimeToLive="P1D">
                <decisionTable id="table" hitPolicy="COLLECT">
                  <input id="in"><inputExpression id="expr" typeRef="string"><text>intent</text></inputExpression></input>
                  <output id="out" name="route" typeRef="string" />
                  <rule id="r1"><inputEntry id="e1"><text>-</text></inputEntry><outputEntry id="o1"><text>"lead"</text></outputEntry></rule>
                  <rule id="r2"><inputEntry id="e2"><text>-</text></inputEntry><outputEntry id="o2"><text>"support"</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;

    private String brokenDeployment;

    @AfterEach
    void removeBrokenTable() {
        if (brokenDeployment != null) {
            repository.deleteDeployment(brokenDeployment, true);
        }
    }

    @Test
    void aMessageThatCannotBeRoutedWaitsAsAnIncidentAndIsRoutedOnceFixed() {
        brokenDeployment = repository.createDeployment().name("broken-route-table")
                .addString("message-route.dmn", UNDECIDABLE_ROUTE_TABLE).deploy().getId();
        String waId = newCustomer();
        customerWrites(waId, "Hi, interested in pricing of your 43 inch TV");

        // first attempt in the dispatcher fails and is rolled back; the retry hands the intake to the job executor
        Awaitility.await().until(() -> "PROCESSED".equals(inbox(waId).get("STATUS")));
        Map<String, Object> row = inbox(waId);
        assertThat(row).containsEntry("OUTCOME", "intake-resubmitted");
        assertThat(((Number) row.get("ATTEMPTS")).intValue()).isEqualTo(1);
        assertThat((String) row.get("ERROR")).contains("decision result mapper");
        String intake = (String) row.get("PROCESS_INSTANCE_ID");

        // the job fails like any other: retried, and at the last retry an incident on "Message queued"
        Awaitility.await().until(() -> job(intake).getExceptionMessage() != null);
        management.setJobRetries(job(intake).getId(), 1);
        management.setJobDuedate(job(intake).getId(), Date.from(Instant.now()));
        Awaitility.await().until(() -> incident(intake) != null);
        assertThat(incident(intake).getActivityId()).isEqualTo("startEvent_messageQueued");
        assertThat(sentTo(waId)).noneMatch(body -> "text".equals(body.path("type").asText()));
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("lead-capture")
                .processInstanceBusinessKey(waId).count()).isZero();

        // the analyst fixes the table (here: removes the broken version) and retries the job from Cockpit
        repository.deleteDeployment(brokenDeployment, true);
        brokenDeployment = null;
        management.setJobRetries(job(intake).getId(), 1);
        management.setJobDuedate(job(intake).getId(), Date.from(Instant.now())); // Cockpit's retry offers "now" too
        Awaitility.await().until(() -> history.createHistoricProcessInstanceQuery().processDefinitionKey("lead-capture")
                .processInstanceBusinessKey(waId).count() == 1);
        assertThat(awaitSent(waId, 1).stream().filter(body -> "text".equals(body.path("type").asText())
                || "interactive".equals(body.path("type").asText()))).isNotEmpty();
        Awaitility.await().until(() -> incident(intake) == null && runtime.createProcessInstanceQuery()
                .processInstanceId(intake).count() == 0);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("message-intake")
                .processInstanceBusinessKey(waId).count()).isOne();
    }

    private Map<String, Object> inbox(String waId) {
        return jdbc.queryForMap("SELECT status, outcome, attempts, error, process_instance_id FROM inbound_message "
                + "WHERE wa_id = ?", waId);
    }

    private Job job(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).singleResult();
    }

    private Incident incident(String processInstanceId) {
        return runtime.createIncidentQuery().processInstanceId(processInstanceId).singleResult();
    }
}
