package com.whatsappflux.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class ConnectionBudgetCheckTest {

    private final ConnectionBudgetCheck check = new ConnectionBudgetCheck();

    @Test
    void shippedSettingsPass() throws IOException {
        // the embedded default (application.yaml) and production (application-postgres.yaml on top of it)
        StandardEnvironment embedded = shipped("application.yaml");
        assertThat(embedded.getProperty("camunda.bpm.job-execution.max-pool-size")).isEqualTo("12");
        assertThatCode(() -> check.postProcessEnvironment(embedded, new SpringApplication())).doesNotThrowAnyException();
        assertThat(verdictOf(embedded)).isNull();

        StandardEnvironment postgres = shipped("application-postgres.yaml", "application.yaml");
        // sized for Meta's ~200 ms per send (see application-postgres.yaml)
        assertThat(postgres.getProperty("camunda.bpm.job-execution.core-pool-size")).isEqualTo("32");
        assertThat(postgres.getProperty("camunda.bpm.job-execution.max-pool-size")).isEqualTo("32");
        assertThatCode(() -> check.postProcessEnvironment(postgres, new SpringApplication())).doesNotThrowAnyException();
        assertThat(verdictOf(postgres)).isNull();
    }

    @Test
    void aPoolNoLargerThanTheJobThreadsStopsTheStart() {
        assertThatThrownBy(() -> check.postProcessEnvironment(environment(Map.of(
                "spring.datasource.hikari.maximum-pool-size", "30", "camunda.bpm.job-execution.max-pool-size", "32")),
                new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("can deadlock")
                .hasMessageContaining("spring.datasource.hikari.maximum-pool-size = 30")
                .hasMessageContaining("at least 40 connections");
    }

    @Test
    void defaultsCountWhenNothingIsSet() {
        // Hikari's 10 connections against Camunda's 10 job threads
        assertThatThrownBy(() -> check.postProcessEnvironment(environment(Map.of()), new SpringApplication()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTightPoolOnlyWarns() {
        assertThat(ConnectionBudgetCheck.verdict(16, 12, 4)).contains("starve");
        assertThatCode(() -> check.postProcessEnvironment(environment(Map.of(
                "spring.datasource.hikari.maximum-pool-size", "16", "camunda.bpm.job-execution.max-pool-size", "12")),
                new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void noJobExecutorNoBudget() {
        assertThatCode(() -> check.postProcessEnvironment(environment(Map.of(
                "camunda.bpm.job-execution.enabled", "false", "spring.datasource.hikari.maximum-pool-size", "2")),
                new SpringApplication())).doesNotThrowAnyException();
    }

    /** The shipped YAML files as property sources, the first one winning. */
    private static StandardEnvironment shipped(String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (String file : files) {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                environment.getPropertySources().addLast(source);
            }
        }
        return environment;
    }

    private static String verdictOf(StandardEnvironment environment) {
        return ConnectionBudgetCheck.verdict(
                environment.getRequiredProperty("spring.datasource.hikari.maximum-pool-size", Integer.class),
                environment.getRequiredProperty("camunda.bpm.job-execution.max-pool-size", Integer.class),
                environment.getProperty("flux.intake.dispatcher-threads", Integer.class, 4));
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
