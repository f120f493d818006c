package com.whatsappflux.config;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
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

    /**
     * Meta's and Razorpay's webhooks prove themselves by the HMAC signature over the body, checked in their
     * controllers: no login, session, saved request or security headers apply. A chain with nothing to do keeps
     * them off the busiest path (the full chain was about a fifth of the CPU of acknowledging a webhook).
     */
    @Bean
    @Order(1)
    SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/webhooks/**")
            .csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .securityContext(context -> context.disable())
            .anonymous(anonymous -> anonymous.disable())
            .headers(headers -> headers.disable())
            .logout(logout -> logout.disable());
        return http.build();
    }

    @Bean
    @Order(2)
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
