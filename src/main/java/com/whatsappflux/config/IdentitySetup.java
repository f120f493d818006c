package com.whatsappflux.config;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the staff groups of contracts.md with the permissions their work needs (Tasklist for everyone,
 * Cockpit for managers) and makes the configured admin a member of every group. Idempotent: runs at
 * every start and only adds what is missing.
 */
@Component
@Order(10)
public class IdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final String adminUser;

    public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
                         @Value("${flux.admin.user}") String adminUser) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.adminUser = adminUser;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String group : StaffGroups.ALL) {
            ensureGroup(group);
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.FILTER, ANY, Permissions.READ);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        }
        grant(StaffGroups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(StaffGroups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
        grant(StaffGroups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.ALL);
        grant(StaffGroups.MANAGERS, Resources.TASK, ANY, Permissions.ALL);
        grant(StaffGroups.MANAGERS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, Permissions.ALL);
        grant(StaffGroups.MANAGERS, Resources.HISTORIC_TASK, ANY, Permissions.ALL);
        if (identityService.createUserQuery().userId(adminUser).count() > 0) {
            StaffGroups.ALL.forEach(group -> ensureMembership(adminUser, group));
        }
    }

    public void ensureUser(String id, String firstName, String lastName, String password, String... groups) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(password);
            user.setEmail(id + "@example.invalid");
            identityService.saveUser(user);
            log.info("Created user {}", id);
        }
        for (String group : groups) {
            ensureMembership(id, group);
        }
    }

    private void ensureGroup(String id) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(id.substring(0, 1).toUpperCase() + id.substring(1).replace('-', ' '));
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void ensureMembership(String user, String group) {
        if (identityService.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identityService.createMembership(user, group);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        var authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
