package com.whatsappflux.booking;

import java.time.LocalDate;
import java.time.LocalTime;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The preference as small string variables (ISO date/time), so the process stays readable in Cockpit. */
final class BookingVariables {

    private BookingVariables() {
    }

    static PreferredTime preference(VariableScope scope) {
        return new PreferredTime(date(scope, BookingProcess.PREFERRED_DATE), date(scope, BookingProcess.PREFERRED_UNTIL),
                scope.getVariable(BookingProcess.PREFERRED_TIME) == null ? null
                        : LocalTime.parse((String) scope.getVariable(BookingProcess.PREFERRED_TIME)),
                (String) scope.getVariable(BookingProcess.PREFERRED_PART_OF_DAY));
    }

    static void setPreference(VariableScope scope, PreferredTime p) {
        scope.setVariable(BookingProcess.PREFERRED_DATE, p.date() == null ? null : p.date().toString());
        scope.setVariable(BookingProcess.PREFERRED_UNTIL, p.until() == null ? null : p.until().toString());
        scope.setVariable(BookingProcess.PREFERRED_TIME, p.time() == null ? null : p.time().toString());
        scope.setVariable(BookingProcess.PREFERRED_PART_OF_DAY, p.partOfDay());
        scope.setVariable(BookingProcess.PREFERENCE_SUMMARY, summary(p));
    }

    static String summary(PreferredTime p) {
        if (p.isEmpty()) {
            return "any time";
        }
        StringBuilder s = new StringBuilder();
        if (p.date() != null) {
            s.append(p.date());
            if (p.until() != null) {
                s.append(" to ").append(p.until());
            }
        }
        if (p.time() != null) {
            s.append(s.isEmpty() ? "" : " ").append(p.time());
        }
        if (p.partOfDay() != null) {
            s.append(s.isEmpty() ? "" : " ").append(p.partOfDay().toLowerCase());
        }
        return s.toString();
    }

    static long longVar(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }

    static int intVar(VariableScope scope, String name) {
        Object v = scope.getVariable(name);
        return v == null ? 0 : ((Number) v).intValue();
    }

    private static LocalDate date(VariableScope scope, String name) {
        Object v = scope.getVariable(name);
        return v == null ? null : LocalDate.parse(v.toString());
    }
}
