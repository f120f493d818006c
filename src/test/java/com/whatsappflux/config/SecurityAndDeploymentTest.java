package com.whatsappflux.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.whatsappflux.testing.FluxIntegrationTest;

/** Who may call what, and that the running engine has exactly the diagrams and forms of this repository. */
class SecurityAndDeploymentTest extends FluxIntegrationTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ApplicationContext context;

    @Test
    void healthIsOpenAndUp_metricsNeedALogin() {
        HttpResponse<String> health = api("GET", "/actuator/health", null, null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(api("GET", "/actuator/prometheus", null, null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = api("GET", "/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        // inbox first (InboxFirstTaskExecutor): registered with the job executor, so present before any job waited
        assertThat(metrics.body()).contains("flux_jobs_held_back_seconds_count", "flux_jobs_held_back_expired_total",
                "flux_intake_round_messages_count", "flux_intake_round_fallbacks_total");
    }

    @Test
    void engineRestNeedsCredentials_includingTheEngineList() {
        assertThat(api("GET", "/engine-rest/process-definition", null, null, null).statusCode()).isEqualTo(401);
        assertThat(api("GET", "/engine-rest/engine", null, null, null).statusCode()).isEqualTo(401);
        // (a wrong password makes Camunda delay that user's next logins, so not the admin's here)
        assertThat(api("GET", "/engine-rest/process-definition", null, "vikram", "wrong").statusCode()).isEqualTo(401);
        assertThat(api("GET", "/engine-rest/process-definition", null).statusCode()).isEqualTo(200);
        assertThat(api("GET", "/engine-rest/engine", null).statusCode()).isEqualTo(200);
    }

    @Test
    void demoStaffCanUseTheApis() {
        assertThat(api("GET", "/engine-rest/task", null, "priya", "demo").statusCode()).isEqualTo(200);
        assertThat(api("GET", "/api/contacts/919000000001", null, "anita", "demo").statusCode()).isEqualTo(404);
        assertThat(api("GET", "/api/contacts/919000000001", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void webappsShowTheirLogin() {
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> tasklist;
        try {
            tasklist = browser.send(java.net.http.HttpRequest.newBuilder(url("/camunda/app/tasklist/")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.body()).containsIgnoringCase("tasklist");
        HttpResponse<String> unauthenticated = api("GET", "/camunda/api/engine/engine/default/task/count", null, null, null);
        assertThat(unauthenticated.statusCode()).isIn(401, 403);
    }

    @Test
    void unknownPathsAreDenied() {
        assertThat(api("GET", "/internal/anything", null, null, null).statusCode()).isIn(401, 403);
    }

    @Test
    void everyDiagramAndFormOfTheRepositoryIsDeployed() throws IOException {
        Set<String> deployed = new HashSet<>();
        for (Deployment deployment : repositoryService.createDeploymentQuery().list()) {
            deployed.addAll(repositoryService.getDeploymentResourceNames(deployment.getId()));
        }
        Set<String> deployedNames = new HashSet<>();
        deployed.forEach(name -> deployedNames.add(Path.of(name).getFileName().toString()));
        for (Path file : files("processes", "forms")) {
            assertThat(deployedNames).as("deployed resources").contains(file.getFileName().toString());
        }
    }

    @Test
    /** Delegates, listeners and settings beans (by our naming convention) that a diagram names must exist. */
    void everyBeanADiagramNamesExists() throws IOException {
        Pattern bean = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9]*)(\\.|\\})");
        for (Path file : files("processes")) {
            if (!file.toString().endsWith(".bpmn")) {
                continue;
            }
            Matcher m = bean.matcher(Files.readString(file));
            while (m.find()) {
                String name = m.group(1);
                if (name.endsWith("Delegate") || name.endsWith("Listener") || name.endsWith("Settings")
                        || name.equals("businessHours")) {
                    assertThat(context.containsBean(name)).as(file + " uses ${" + name + "}").isTrue();
                }
            }
        }
    }

    private static List<Path> files(String... folders) throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                files.filter(Files::isRegularFile).forEach(all::add);
            }
        }
        return all;
    }
}
