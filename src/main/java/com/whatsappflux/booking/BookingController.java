package com.whatsappflux.booking;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.whatsappflux.business.BusinessProfileService;
import com.whatsappflux.system.BusinessClock;

/**
 * Staff's view of the bookings: a day as JSON, CSV, iCalendar or an HTML table; walk-ins; cancel; attendance.
 * Everything under /api is behind basic auth.
 */
@RestController
public class BookingController {

    private final BookingService bookings;
    private final BookingCalendarRepository calendar;
    private final BusinessClock clock;
    private final BusinessProfileService profiles;

    public BookingController(BookingService bookings, BookingCalendarRepository calendar, BusinessClock clock,
                             BusinessProfileService profiles) {
        this.bookings = bookings;
        this.calendar = calendar;
        this.clock = clock;
        this.profiles = profiles;
    }

    /** A walk-in or phone booking: {@code start} local ("2026-11-25T17:00") or with offset; resource optional. */
    public record WalkIn(Long serviceId, String serviceCode, Long resourceId, String start, String customerName, String waId,
                         String note) {
    }

    @GetMapping("/api/bookings")
    public ResponseEntity<?> day(@RequestParam(required = false) LocalDate date,
                                 @RequestParam(required = false, defaultValue = "json") String format) {
        LocalDate day = date == null ? clock.nowInZone().toLocalDate() : date;
        List<Booking> list = bookings.day(day);
        return switch (format.toLowerCase()) {
            case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"bookings-" + day + ".csv\"")
                    .body(BookingExport.csv(list, clock.zone()));
            case "ics" -> ics(day);
            default -> ResponseEntity.ok(list.stream().map(b -> BookingExport.row(b, clock.zone())).toList());
        };
    }

    @GetMapping("/api/bookings.ics")
    public ResponseEntity<String> ics(@RequestParam(required = false) LocalDate date) {
        LocalDate day = date == null ? clock.nowInZone().toLocalDate() : date;
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"bookings-" + day + ".ics\"")
                .body(BookingExport.ics(bookings.day(day), profiles.profile().name(), clock.now()));
    }

    @GetMapping(path = "/api/bookings/day", produces = MediaType.TEXT_HTML_VALUE)
    public String dayPage(@RequestParam(required = false) LocalDate date) {
        LocalDate day = date == null ? clock.nowInZone().toLocalDate() : date;
        return BookingExport.html(day, bookings.day(day), clock.zone());
    }

    @GetMapping("/api/bookings/{id}")
    public ResponseEntity<?> one(@PathVariable long id) {
        return bookings.find(id).<ResponseEntity<?>>map(b -> ResponseEntity.ok(BookingExport.row(b, clock.zone())))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/api/bookings/walk-ins")
    public ResponseEntity<?> walkIn(@RequestBody WalkIn request) {
        BusinessCalendar cal = calendar.load();
        BusinessCalendar.Service service = cal.services().stream()
                .filter(s -> (request.serviceId() != null && s.id() == request.serviceId())
                        || (request.serviceCode() != null && s.code().equals(request.serviceCode())))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown service"));
        if (request.start() == null) {
            throw new IllegalArgumentException("start is required");
        }
        Instant start = request.start().matches(".*([+-]\\d\\d:\\d\\d|Z)$") ? OffsetDateTime.parse(request.start()).toInstant()
                : LocalDateTime.parse(request.start()).atZone(cal.zone()).toInstant();
        List<Long> candidates = request.resourceId() != null ? List.of(request.resourceId())
                : cal.resources().stream().filter(r -> r.offers(service.id())).map(BusinessCalendar.Resource::id).toList();
        for (Long resourceId : candidates) {
            try {
                long id = bookings.bookDirectly(request.waId(), request.customerName(), service.id(), resourceId, start, request.note());
                return ResponseEntity.created(URI.create("/api/bookings/" + id))
                        .body(BookingExport.row(bookings.find(id).orElseThrow(), cal.zone()));
            } catch (SlotTakenException taken) {
                // try the next resource
            }
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "slot taken"));
    }

    @PostMapping("/api/bookings/{id}/cancel")
    public ResponseEntity<?> cancel(@PathVariable long id) {
        return bookings.release(id, Booking.CANCELLED) ? ResponseEntity.ok(Map.of("id", id, "status", Booking.CANCELLED))
                : ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "not an active booking"));
    }

    public record Attendance(boolean attended) {
    }

    @PostMapping("/api/bookings/{id}/attendance")
    public Map<String, Object> attendance(@PathVariable long id, @RequestBody Attendance attendance) {
        bookings.markAttendance(id, attendance.attended());
        return Map.of("id", id, "status", bookings.find(id).map(Booking::status).orElse("unknown"));
    }
}
