package com.whatsappflux.config;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Who may call what. Users and passwords are Camunda's identity (the same logins as Tasklist), so
 * staff use one account everywhere. Webhooks are authenticated by their signatures, the webapps by
 * their own login page, and the sandbox tools exist only while no access token is configured.
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
            throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("WhatsApp Flux");
        basic.afterPropertiesSet();
        http
            .csrf(csrf -> csrf.disable()) // no cookie-authenticated forms of ours; the Camunda webapps bring their own CSRF filter
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authenticationProvider(provider)
            .httpBasic(b -> b.authenticationEntryPoint(basic))
            .exceptionHandling(e -> e.authenticationEntryPoint(basic))
            .headers(h -> h.frameOptions(f -> f.sameOrigin()))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint()).authenticated()
                .requestMatchers("/webhooks/**").permitAll()
                .requestMatchers("/api/sandbox/**", "/simulator", "/simulator/**").permitAll()
                // documents WhatsApp fetches by link (invoice PDFs); each URL carries an unguessable token
                .requestMatchers("/files/**").permitAll()
                .requestMatchers("/", "/camunda/**", "/error", "/favicon.ico").permitAll()
                // Camunda's own filter authenticates the REST API (below) — except the engine list, closed here
                .requestMatchers("/engine-rest/engine", "/engine-rest/engine/").authenticated()
                .requestMatchers("/engine-rest/**").permitAll()
                .requestMatchers("/api/**", "/staff/**").authenticated()
                .anyRequest().denyAll());
        return http.build();
    }

    /**
     * Camunda's own filter on the REST API sets the engine's authenticated user and groups, so Camunda's
     * authorizations apply to REST calls exactly as in the webapps.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

}
