package com.whatsappflux.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A snapshot of the configured business calendar: what can be booked, who/what serves it and when.
 * Pure data, so the slot search can be tested without a database.
 */
public record BusinessCalendar(ZoneId zone, Settings settings, List<Service> services, List<Resource> resources,
                               List<Hours> hours, List<Break> breaks, List<Holiday> holidays) {

    /** A bookable service (consultation 30 min, haircut 45 min …). */
    public record Service(long id, String code, String name, int durationMinutes) {
    }

    /** A staff member or resource (chair, room, technician); capacity = parallel bookings per granule. */
    public record Resource(long id, String code, String name, int capacity, Set<Long> serviceIds) {
        boolean offers(long serviceId) {
            return serviceIds.isEmpty() || serviceIds.contains(serviceId);
        }
    }

    public record Hours(long resourceId, DayOfWeek day, LocalTime opens, LocalTime closes) {
    }

    /** {@code resourceId} null = everybody; {@code day} null = every day. */
    public record Break(Long resourceId, DayOfWeek day, LocalTime starts, LocalTime ends, String name) {
        boolean applies(long resource, DayOfWeek weekday) {
            return (resourceId == null || resourceId == resource) && (day == null || day == weekday);
        }
    }

    /** {@code resourceId} null = the whole business is closed. */
    public record Holiday(LocalDate date, Long resourceId, String name) {
        boolean closes(long resource, LocalDate on) {
            return date.equals(on) && (resourceId == null || resourceId == resource);
        }
    }

    /** Slot granularity, minimum notice, booking horizon, how long a picked slot is held, slots offered at once. */
    public record Settings(int slotMinutes, int minNoticeMinutes, int horizonDays, int holdMinutes, int maxOffered) {
    }

    public java.util.Optional<Service> service(long id) {
        return services.stream().filter(s -> s.id() == id).findFirst();
    }

    public java.util.Optional<Resource> resource(long id) {
        return resources.stream().filter(r -> r.id() == id).findFirst();
    }
}
