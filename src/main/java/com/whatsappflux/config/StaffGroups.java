package com.whatsappflux.config;

import java.util.List;

/** The candidate groups of contracts.md; Tasklist tasks are offered to these. */
public final class StaffGroups {
    public static final String SALES = "sales";
    public static final String ACCOUNTS = "accounts";
    public static final String SUPPORT = "support";
    public static final String FRONT_DESK = "front-desk";
    public static final String MANAGERS = "managers";

    public static final List<String> ALL = List.of(SALES, ACCOUNTS, SUPPORT, FRONT_DESK, MANAGERS);

    private StaffGroups() {
    }
}
