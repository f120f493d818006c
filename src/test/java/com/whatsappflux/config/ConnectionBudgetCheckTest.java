package com.whatsappflux.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ConnectionBudgetCheckTest {

    private final ConnectionBudgetCheck check = new ConnectionBudgetCheck();

    @Test
    void shippedSettingsPass() {
        // application.yaml (H2) and application-postgres.yaml
        assertThat(ConnectionBudgetCheck.verdict(20, 12, 4)).isNull();
        assertThat(ConnectionBudgetCheck.verdict(30, 12, 4)).isNull();
        assertThatCode(() -> check.postProcessEnvironment(environment(Map.of(
                "spring.datasource.hikari.maximum-pool-size", "20", "camunda.bpm.job-execution.max-pool-size", "12")),
                new SpringApplication())).doesNotThrowAnyException();
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

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
