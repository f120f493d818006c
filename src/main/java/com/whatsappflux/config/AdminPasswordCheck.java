package com.whatsappflux.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Fails the start-up before anything else when no admin password is configured outside the demo profile:
 * production must never run with a built-in password.
 */
public class AdminPasswordCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        String password = environment.getProperty("flux.admin.password");
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(
                    "FLUX_ADMIN_PASSWORD is not set. Outside the demo profile WhatsApp Flux has no built-in password: "
                            + "set FLUX_ADMIN_USER (default 'admin') and FLUX_ADMIN_PASSWORD in the environment.");
        }
    }
}
