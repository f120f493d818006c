package com.whatsappflux.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where this is built, so docker-compose.yml is checked here: PostgreSQL 16 with a
 * volume and a health check, the app built from this repository and wired through the contract's variables.
 */
class DockerComposeConfigTest {

    @Test
    @SuppressWarnings("unchecked")
    void composeFileWiresTheAppToPostgres16() throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> db = (Map<String, Object>) services.get("db");
        Map<String, Object> app = (Map<String, Object>) services.get("app");

        assertThat((String) db.get("image")).startsWith("postgres:16");
        assertThat((List<String>) db.get("volumes")).anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));
        assertThat(db).containsKey("healthcheck");
        assertThat((List<String>) db.get("command")).containsExactly("postgres", "-c", "autovacuum_naptime=10s", "-c",
                "max_connections=200");
        assertThat(((Map<String, Object>) compose.get("volumes"))).containsKey("flux-db");

        assertThat(app.get("build")).isEqualTo(".");
        assertThat(Files.exists(Path.of("Dockerfile"))).isTrue();
        // scripts/bench runs the app with the image's JVM options: one place for them
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^ENV JAVA_OPTS=\"[^\"]+\"$")
                .containsPattern("(?m)^ENTRYPOINT .*exec java \\$JAVA_OPTS -jar app\\.jar");
        assertThat(app).containsKey("healthcheck");
        Map<String, Object> dependsOn = (Map<String, Object>) app.get("depends_on");
        assertThat((Map<String, Object>) dependsOn.get("db")).containsEntry("condition", "service_healthy");
        Map<String, Object> env = (Map<String, Object>) app.get("environment");
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
                .containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                        "FLUX_ADMIN_USER", "FLUX_ADMIN_PASSWORD", "FLUX_WHATSAPP_APP_SECRET", "FLUX_WHATSAPP_VERIFY_TOKEN",
                        "FLUX_WHATSAPP_ACCESS_TOKEN", "FLUX_WHATSAPP_PHONE_NUMBER_ID", "FLUX_WHATSAPP_MAX_MPS", "FLUX_WHATSAPP_MARK_READ",
                        "FLUX_TIMEZONE");
        assertThat((String) env.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://db:5432/");
        assertThat((String) env.get("FLUX_ADMIN_PASSWORD")).contains(":?"); // compose refuses to start without it
    }
}
