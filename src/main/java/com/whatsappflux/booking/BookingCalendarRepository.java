package com.whatsappflux.booking;

import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.whatsappflux.system.BusinessClock;
import com.whatsappflux.system.Database;

/** The business calendar tables (V40): read as one snapshot for the slot search, edited through the API. */
@Repository
public class BookingCalendarRepository {

    private final Database db;
    private final BusinessClock clock;

    public BookingCalendarRepository(Database db, BusinessClock clock) {
        this.db = db;
        this.clock = clock;
    }

    public BusinessCalendar load() {
        Map<Long, Set<Long>> offered = new HashMap<>();
        db.jdbc().query("SELECT resource_id, service_id FROM booking_resource_service", rs -> {
            offered.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        });
        List<BusinessCalendar.Resource> resources = db.jdbc().query(
                "SELECT id, code, name, capacity FROM booking_resource WHERE active = TRUE ORDER BY id",
                (rs, i) -> new BusinessCalendar.Resource(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getInt("capacity"), offered.getOrDefault(rs.getLong("id"), Set.of())));
        List<BusinessCalendar.Hours> hours = db.jdbc().query(
                "SELECT resource_id, day_of_week, opens_at, closes_at FROM booking_working_hours ORDER BY resource_id, day_of_week, opens_at",
                (rs, i) -> new BusinessCalendar.Hours(rs.getLong(1), DayOfWeek.of(rs.getInt(2)), rs.getTime(3).toLocalTime(),
                        rs.getTime(4).toLocalTime()));
        List<BusinessCalendar.Break> breaks = db.jdbc().query(
                "SELECT resource_id, day_of_week, starts_at, ends_at, name FROM booking_break ORDER BY id",
                (rs, i) -> new BusinessCalendar.Break((Long) rs.getObject(1, Long.class),
                        rs.getObject(2) == null ? null : DayOfWeek.of(rs.getInt(2)), rs.getTime(3).toLocalTime(),
                        rs.getTime(4).toLocalTime(), rs.getString(5)));
        List<BusinessCalendar.Holiday> holidays = db.jdbc().query(
                "SELECT holiday_date, resource_id, name FROM booking_holiday WHERE holiday_date >= ? ORDER BY holiday_date",
                (rs, i) -> new BusinessCalendar.Holiday(rs.getDate(1).toLocalDate(), (Long) rs.getObject(2, Long.class),
                        rs.getString(3)), java.sql.Date.valueOf(clock.nowInZone().toLocalDate().minusDays(1)));
        return new BusinessCalendar(clock.zone(), settings(), services(), resources, hours, breaks, holidays);
    }

    public List<BusinessCalendar.Service> services() {
        return db.jdbc().query("SELECT id, code, name, duration_minutes FROM booking_service WHERE active = TRUE ORDER BY id",
                (rs, i) -> new BusinessCalendar.Service(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
    }

    public BusinessCalendar.Settings settings() {
        return db.jdbc().queryForObject("SELECT slot_minutes, min_notice_minutes, horizon_days, hold_minutes, max_offered "
                + "FROM booking_settings WHERE id = 1", (rs, i) -> new BusinessCalendar.Settings(rs.getInt(1), rs.getInt(2),
                rs.getInt(3), rs.getInt(4), rs.getInt(5)));
    }

    public void saveSettings(BusinessCalendar.Settings s) {
        db.jdbc().update("UPDATE booking_settings SET slot_minutes = ?, min_notice_minutes = ?, horizon_days = ?, "
                + "hold_minutes = ?, max_offered = ? WHERE id = 1", s.slotMinutes(), s.minNoticeMinutes(), s.horizonDays(),
                s.holdMinutes(), Math.min(10, s.maxOffered()));
    }

    /** Creates or updates (by code) a service; answers its id. */
    public long saveService(String code, String name, int durationMinutes, String description, boolean active) {
        List<Long> existing = db.jdbc().queryForList("SELECT id FROM booking_service WHERE code = ?", Long.class, code);
        if (!existing.isEmpty()) {
            db.jdbc().update("UPDATE booking_service SET name = ?, duration_minutes = ?, description = ?, active = ? WHERE id = ?",
                    name, durationMinutes, description, active, existing.get(0));
            return existing.get(0);
        }
        return db.insertReturningId("INSERT INTO booking_service (code, name, duration_minutes, description, active) "
                + "VALUES (?, ?, ?, ?, ?)", code, name, durationMinutes, description, active);
    }

    public List<Map<String, Object>> listServices() {
        return db.jdbc().queryForList("SELECT id AS \"id\", code AS \"code\", name AS \"name\", duration_minutes AS \"durationMinutes\", "
                + "description AS \"description\", active AS \"active\" "
                + "FROM booking_service ORDER BY id");
    }

    /** Creates or updates (by code) a resource and which services it offers (empty = all); answers its id. */
    @Transactional
    public long saveResource(String code, String name, int capacity, boolean active, List<Long> serviceIds) {
        List<Long> existing = db.jdbc().queryForList("SELECT id FROM booking_resource WHERE code = ?", Long.class, code);
        long id;
        if (!existing.isEmpty()) {
            id = existing.get(0);
            db.jdbc().update("UPDATE booking_resource SET name = ?, capacity = ?, active = ? WHERE id = ?", name, capacity, active, id);
        } else {
            id = db.insertReturningId("INSERT INTO booking_resource (code, name, capacity, active) VALUES (?, ?, ?, ?)",
                    code, name, capacity, active);
        }
        if (serviceIds != null) {
            db.jdbc().update("DELETE FROM booking_resource_service WHERE resource_id = ?", id);
            for (Long serviceId : serviceIds) {
                db.jdbc().update("INSERT INTO booking_resource_service (resource_id, service_id) VALUES (?, ?)", id, serviceId);
            }
        }
        return id;
    }

    public List<Map<String, Object>> listResources() {
        return db.jdbc().queryForList("SELECT id AS \"id\", code AS \"code\", name AS \"name\", capacity AS \"capacity\", "
                + "active AS \"active\" FROM booking_resource ORDER BY id");
    }

    public boolean resourceExists(long id) {
        return db.jdbc().queryForObject("SELECT COUNT(*) FROM booking_resource WHERE id = ?", Long.class, id) > 0;
    }

    /** Replaces a resource's weekly hours. */
    @Transactional
    public void replaceHours(long resourceId, List<BusinessCalendar.Hours> hours) {
        db.jdbc().update("DELETE FROM booking_working_hours WHERE resource_id = ?", resourceId);
        for (BusinessCalendar.Hours h : hours) {
            db.jdbc().update("INSERT INTO booking_working_hours (resource_id, day_of_week, opens_at, closes_at) VALUES (?, ?, ?, ?)",
                    resourceId, h.day().getValue(), Time.valueOf(h.opens()), Time.valueOf(h.closes()));
        }
    }

    public List<Map<String, Object>> listHours(long resourceId) {
        return db.jdbc().query("SELECT day_of_week, opens_at, closes_at FROM booking_working_hours WHERE resource_id = ? "
                + "ORDER BY day_of_week, opens_at", (rs, i) -> Map.<String, Object>of("day", DayOfWeek.of(rs.getInt(1)).name(),
                "opens", rs.getTime(2).toLocalTime().toString(), "closes", rs.getTime(3).toLocalTime().toString()), resourceId);
    }

    /** Replaces the breaks (resource null = everybody's breaks). */
    @Transactional
    public void replaceBreaks(Long resourceId, List<BusinessCalendar.Break> breaks) {
        if (resourceId == null) {
            db.jdbc().update("DELETE FROM booking_break WHERE resource_id IS NULL");
        } else {
            db.jdbc().update("DELETE FROM booking_break WHERE resource_id = ?", resourceId);
        }
        for (BusinessCalendar.Break b : breaks) {
            db.jdbc().update("INSERT INTO booking_break (resource_id, day_of_week, starts_at, ends_at, name) VALUES (?, ?, ?, ?, ?)",
                    resourceId, b.day() == null ? null : b.day().getValue(), Time.valueOf(b.starts()), Time.valueOf(b.ends()), b.name());
        }
    }

    public List<Map<String, Object>> listBreaks() {
        return db.jdbc().query("SELECT id, resource_id, day_of_week, starts_at, ends_at, name FROM booking_break ORDER BY id",
                (rs, i) -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("id", rs.getLong(1));
                    row.put("resourceId", rs.getObject(2, Long.class));
                    row.put("day", rs.getObject(3) == null ? null : DayOfWeek.of(rs.getInt(3)).name());
                    row.put("starts", rs.getTime(4).toLocalTime().toString());
                    row.put("ends", rs.getTime(5).toLocalTime().toString());
                    row.put("name", rs.getString(6));
                    return row;
                });
    }

    public long addHoliday(LocalDate date, Long resourceId, String name) {
        return db.insertReturningId("INSERT INTO booking_holiday (holiday_date, resource_id, name) VALUES (?, ?, ?)",
                java.sql.Date.valueOf(date), resourceId, name);
    }

    public boolean removeHoliday(long id) {
        return db.jdbc().update("DELETE FROM booking_holiday WHERE id = ?", id) > 0;
    }

    public List<Map<String, Object>> listHolidays() {
        return db.jdbc().query("SELECT id, holiday_date, resource_id, name FROM booking_holiday ORDER BY holiday_date",
                (rs, i) -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("id", rs.getLong(1));
                    row.put("date", rs.getDate(2).toLocalDate().toString());
                    row.put("resourceId", rs.getObject(3, Long.class));
                    row.put("name", rs.getString(4));
                    return row;
                });
    }

    static LocalTime time(String value) {
        return LocalTime.parse(value);
    }
}
