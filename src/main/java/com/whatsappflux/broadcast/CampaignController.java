package com.whatsappflux.broadcast;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/campaigns} creates a campaign and starts {@code broadcast-follow-up};
 * {@code GET /api/campaigns/{id}/report} answers its counts ({@code ?format=csv}: one line per recipient).
 * The audience may include a CSV of numbers as {@code audience.csv} (or top-level {@code csv}) in the body.
 */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignController {

    private final CampaignService campaigns;
    private final CampaignReport report;

    public CampaignController(CampaignService campaigns, CampaignReport report) {
        this.campaigns = campaigns;
        this.report = report;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestBody CampaignRequest request, Principal user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(campaigns.create(request, user == null ? null : user.getName()));
    }

    @GetMapping("/{id}/report")
    public ResponseEntity<?> report(@PathVariable long id, @RequestParam(required = false) String format) {
        Campaign campaign = find(id);
        if ("csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
                    .header("Content-Disposition", "attachment; filename=\"campaign-" + id + ".csv\"")
                    .body(report.csv(campaign));
        }
        return ResponseEntity.ok(report.counts(campaign));
    }

    private Campaign find(long id) {
        try {
            return campaigns.require(id);
        } catch (CampaignService.CampaignNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
