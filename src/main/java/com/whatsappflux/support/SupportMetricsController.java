package com.whatsappflux.support;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Resolution rate (automatic vs human) and average CSAT, from the support tables. */
@RestController
class SupportMetricsController {

    private final SupportCases cases;

    SupportMetricsController(SupportCases cases) {
        this.cases = cases;
    }

    @GetMapping("/api/support/metrics")
    Map<String, Object> metrics() {
        return cases.metrics();
    }
}
