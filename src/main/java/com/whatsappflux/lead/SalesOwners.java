package com.whatsappflux.lead;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;

/**
 * Picks the sales owner for a hot lead: among active owners whose territory matches the lead's city/pincode
 * (when any territory is configured), else all active owners, the one assigned longest ago. The choice is
 * taken with a compare-and-set on a per-owner counter, so two nodes never hand out the same turn.
 */
@Component
public class SalesOwners {

    public record SalesOwner(String username, String waId, String territory, boolean active) {
    }

    private static final int ATTEMPTS = 5;

    private final Database db;
    private final BusinessClock clock;

    public SalesOwners(Database db, BusinessClock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<SalesOwner> active() {
        return db.jdbc().query("SELECT username, wa_id, territory, active FROM sales_owner WHERE active = TRUE ORDER BY username",
                (rs, i) -> new SalesOwner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
    }

    public Optional<SalesOwner> find(String username) {
        return db.jdbc().query("SELECT username, wa_id, territory, active FROM sales_owner WHERE username = ?",
                (rs, i) -> new SalesOwner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)), username)
                .stream().findFirst();
    }

    /** Adds an owner unless present (demo data, admin tools). */
    public void ensure(String username, String waId, String territory) {
        db.insertIfAbsent("INSERT INTO sales_owner (username, wa_id, territory, active, assignments) VALUES (?, ?, ?, TRUE, 0)",
                username, waId, territory);
    }

    /** The next owner in turn for a lead in this place (city or pincode; may be null). */
    public Optional<String> assignNext(String place) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<Turn> turns = candidates(place);
            if (turns.isEmpty()) {
                return Optional.empty();
            }
            Turn next = turns.get(0);
            int taken = db.jdbc().update("UPDATE sales_owner SET assignments = assignments + 1, last_assigned_at = ? "
                    + "WHERE username = ? AND assignments = ?", Timestamp.from(clock.now()), next.username(), next.assignments());
            if (taken == 1) {
                return Optional.of(next.username());
            }
        }
        throw new IllegalStateException("could not take a round-robin turn after " + ATTEMPTS + " attempts");
    }

    private record Turn(String username, String territory, long assignments) {
    }

    private List<Turn> candidates(String place) {
        List<Turn> all = db.jdbc().query("SELECT username, territory, assignments FROM sales_owner WHERE active = TRUE "
                        + "ORDER BY last_assigned_at NULLS FIRST, username",
                (rs, i) -> new Turn(rs.getString(1), rs.getString(2), rs.getLong(3)));
        List<Turn> local = all.stream().filter(t -> covers(t.territory(), place)).toList();
        if (!local.isEmpty()) {
            return local;
        }
        // nobody covers this place: the generalists (no territory) take it, else everyone
        List<Turn> generalists = all.stream().filter(t -> t.territory() == null || t.territory().isBlank()).toList();
        return generalists.isEmpty() ? all : generalists;
    }

    /** "Bengaluru, 560" covers "bengaluru" and any pincode starting 560. */
    static boolean covers(String territory, String place) {
        if (territory == null || territory.isBlank() || place == null || place.isBlank()) {
            return false;
        }
        String p = place.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(territory.split(",")).map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
                .anyMatch(t -> t.chars().allMatch(Character::isDigit) ? p.startsWith(t) : p.contains(t));
    }
}
