package com.whatsappflux.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The business calendar, editable: services, staff/resources with weekly hours, breaks, holidays, settings. */
@RestController
@RequestMapping("/api/booking")
public class BookingCalendarController {

    private final BookingCalendarRepository calendar;

    public BookingCalendarController(BookingCalendarRepository calendar) {
        this.calendar = calendar;
    }

    public record ServiceRequest(String code, String name, Integer durationMinutes, String description, Boolean active) {
    }

    public record StaffRequest(String code, String name, Integer capacity, Boolean active, List<Long> serviceIds) {
    }

    public record HoursRequest(String day, String opens, String closes) {
    }

    public record BreakRequest(String day, String starts, String ends, String name) {
    }

    public record BreaksRequest(Long resourceId, List<BreakRequest> breaks) {
    }

    public record HolidayRequest(LocalDate date, Long resourceId, String name) {
    }

    @GetMapping("/services")
    public List<Map<String, Object>> services() {
        return calendar.listServices();
    }

    @PostMapping("/services")
    public ResponseEntity<Map<String, Object>> saveService(@RequestBody ServiceRequest r) {
        require(r.code() != null && r.code().matches("[a-z0-9_-]{1,40}"), "code: lowercase letters, digits, - or _");
        require(r.name() != null && !r.name().isBlank() && r.name().length() <= 100, "name is required");
        require(r.durationMinutes() != null && r.durationMinutes() > 0 && r.durationMinutes() <= 24 * 60, "durationMinutes 1..1440");
        long id = calendar.saveService(r.code(), r.name().trim(), r.durationMinutes(), r.description(), r.active() == null || r.active());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping("/staff")
    public List<Map<String, Object>> staff() {
        return calendar.listResources();
    }

    @PostMapping("/staff")
    public ResponseEntity<Map<String, Object>> saveStaff(@RequestBody StaffRequest r) {
        require(r.code() != null && r.code().matches("[a-z0-9_-]{1,40}"), "code: lowercase letters, digits, - or _");
        require(r.name() != null && !r.name().isBlank() && r.name().length() <= 100, "name is required");
        int capacity = r.capacity() == null ? 1 : r.capacity();
        require(capacity >= 1 && capacity <= 100, "capacity 1..100");
        long id = calendar.saveResource(r.code(), r.name().trim(), capacity, r.active() == null || r.active(), r.serviceIds());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping("/staff/{id}/hours")
    public List<Map<String, Object>> hours(@PathVariable long id) {
        return calendar.listHours(id);
    }

    @PutMapping("/staff/{id}/hours")
    public List<Map<String, Object>> replaceHours(@PathVariable long id, @RequestBody List<HoursRequest> hours) {
        require(calendar.resourceExists(id), "unknown staff/resource " + id);
        calendar.replaceHours(id, hours.stream().map(h -> {
            LocalTime opens = LocalTime.parse(h.opens());
            LocalTime closes = LocalTime.parse(h.closes());
            require(closes.isAfter(opens), "closes must be after opens");
            return new BusinessCalendar.Hours(id, DayOfWeek.valueOf(h.day().toUpperCase()), opens, closes);
        }).toList());
        return calendar.listHours(id);
    }

    @GetMapping("/breaks")
    public List<Map<String, Object>> breaks() {
        return calendar.listBreaks();
    }

    /** Replaces the breaks of one resource, or the breaks for everybody (resourceId null). */
    @PutMapping("/breaks")
    public List<Map<String, Object>> replaceBreaks(@RequestBody BreaksRequest r) {
        require(r.resourceId() == null || calendar.resourceExists(r.resourceId()), "unknown staff/resource");
        calendar.replaceBreaks(r.resourceId(), r.breaks().stream().map(b -> {
            LocalTime starts = LocalTime.parse(b.starts());
            LocalTime ends = LocalTime.parse(b.ends());
            require(ends.isAfter(starts), "ends must be after starts");
            return new BusinessCalendar.Break(r.resourceId(), b.day() == null ? null : DayOfWeek.valueOf(b.day().toUpperCase()),
                    starts, ends, b.name());
        }).toList());
        return calendar.listBreaks();
    }

    @GetMapping("/holidays")
    public List<Map<String, Object>> holidays() {
        return calendar.listHolidays();
    }

    @PostMapping("/holidays")
    public ResponseEntity<Map<String, Object>> addHoliday(@RequestBody HolidayRequest r) {
        require(r.date() != null, "date is required");
        require(r.resourceId() == null || calendar.resourceExists(r.resourceId()), "unknown staff/resource");
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", calendar.addHoliday(r.date(), r.resourceId(), r.name())));
    }

    @DeleteMapping("/holidays/{id}")
    public ResponseEntity<Void> removeHoliday(@PathVariable long id) {
        return calendar.removeHoliday(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @GetMapping("/settings")
    public BusinessCalendar.Settings settings() {
        return calendar.settings();
    }

    @PutMapping("/settings")
    public BusinessCalendar.Settings saveSettings(@RequestBody BusinessCalendar.Settings s) {
        require(s.slotMinutes() >= 5 && s.slotMinutes() <= 240, "slotMinutes 5..240");
        require(s.minNoticeMinutes() >= 0, "minNoticeMinutes >= 0");
        require(s.horizonDays() >= 1 && s.horizonDays() <= 365, "horizonDays 1..365");
        require(s.holdMinutes() >= 1 && s.holdMinutes() <= 120, "holdMinutes 1..120");
        require(s.maxOffered() >= 1 && s.maxOffered() <= 10, "maxOffered 1..10 (WhatsApp list limit)");
        calendar.saveSettings(s);
        return calendar.settings();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
