package com.whatsappflux.intent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the date/time a message talks about, the way Indians write it, and resolves it against "now"
 * in now's zone (the business zone, Asia/Kolkata).
 *
 * <p>Rules:
 * <ul>
 *   <li>Relative days: aaj/today/आज… = today; kal/tomorrow/कल/naalaiku/రేపు… = tomorrow ("kal" is read as
 *       tomorrow: customers book forwards); parso/परसों/day after tomorrow… = +2 days.</li>
 *   <li>A weekday alone ("friday", "शनिवार को") is its next occurrence, today included; "next monday" is the
 *       first Monday strictly after today.</li>
 *   <li>"25/11", "25-11-26", "25 nov", "25th November", "nov 25", "25 tarikh": day and month; without a year
 *       the date is this year's, or next year's if it has already passed. Day comes first (Indian order).</li>
 *   <li>Ranges: "is hafte"/"this week" = today to Sunday; "next week"/"agle hafte" = next Monday to Sunday;
 *       "this weekend" = the coming Saturday and Sunday. {@code date} is the first day, {@code until} the last.</li>
 *   <li>Parts of day: subah/morning/सुबह = 09:00–12:00, dopahar/afternoon = 12:00–16:00, shaam/evening/शाम =
 *       16:00–20:00, raat/night = 20:00–23:00 (see {@link PartOfDay}).</li>
 *   <li>A time is an hour with a marker ("5 baje", "11 बजे", "4 மணிக்கு", "11 वाजता"), am/pm ("4pm", "11 am"),
 *       a colon ("3:30") or "at 5". With am/pm it is taken literally; with a part of day it is placed in it
 *       ("shaam 5 baje" = 17:00, "subah 10" = 10:00); a bare hour 1–7 means pm (Indian business hours),
 *       8–11 means am, 12 is noon.</li>
 *   <li>A time or part of day without a day means today, or tomorrow if that moment has already passed.</li>
 * </ul>
 * Tokens are looked up in hash maps; there are no regular expressions on this path.
 */
public final class DateTimeExtractor {

    private static final Map<String, Integer> RELATIVE_DAYS = new HashMap<>();
    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, PartOfDay> PARTS = new HashMap<>();
    private static final java.util.Set<String> HOUR_MARKERS = java.util.Set.of(
            "baje", "bajey", "bje", "baaje", "बजे", "वाजता", "वाजे", "manikku", "mani", "மணிக்கு", "மணி", "గంటలకు", "గంటకు",
            "ಗಂಟೆಗೆ", "ಗಂಟೆ", "વાગ્યે", "વાગે", "മണിക്ക്", "മണി", "ਵਜੇ", "oclock", "hrs", "hours");
    private static final java.util.Set<String> NEXT = java.util.Set.of("next", "agle", "agla", "agli", "अगले", "अगला", "पुढच्या", "aduththa", "adutha");
    private static final java.util.Set<String> THIS = java.util.Set.of("this", "is", "iss", "इस", "ya", "या", "indha", "intha", "ఈ", "এই", "ಈ", "આ", "ഈ", "ਇਸ", "इसी");
    private static final java.util.Set<String> WEEK = java.util.Set.of(
            "week", "hafte", "hafta", "हफ्ते", "हफ़्ते", "हफ्ता", "सप्ताह", "आठवड्यात", "வாரம்", "వారం", "সপ্তাহে",
            "সপ্তাহ", "ವಾರ", "અઠવાડિયે", "ആഴ്ച", "ਹਫ਼ਤੇ", "ਹਫਤੇ", "weak");
    private static final java.util.Set<String> WEEKEND = java.util.Set.of("weekend", "वीकेंड");

    static {
        for (String w : new String[] {"today", "aaj", "aj", "आज", "tonight", "inniku", "innaiku", "innaikku", "இன்னைக்கு", "இன்று",
                "ఈరోజు", "ఈ రోజు", "আজ", "ಇವತ್ತು", "ಇಂದು", "આજે", "આજ", "ഇന്ന്", "ਅੱਜ"}) {
            RELATIVE_DAYS.put(w, 0);
        }
        for (String w : new String[] {"tomorrow", "tmrw", "tmr", "tomorow", "tommorow", "tommorrow", "kal", "kall", "कल", "उद्या",
                "naalaiku", "naalaikku", "nalaiku", "naalai", "நாளைக்கு", "நாளை", "రేపు", "কাল", "কালকে", "ನಾಳೆ", "કાલે", "કાલ", "നാളെ",
                "ਕੱਲ੍ਹ", "ਕੱਲ", "repu"}) {
            RELATIVE_DAYS.put(w, 1);
        }
        for (String w : new String[] {"parso", "parson", "parsu", "परसों", "परसो", "परवा", "ఎల్లుండి", "পরশু", "ನಾಡಿದ್ದು", "മറ്റന്നാൾ",
                "ਪਰਸੋਂ", "naalanniki"}) {
            RELATIVE_DAYS.put(w, 2);
        }
        weekday(DayOfWeek.MONDAY, "monday", "mon", "somvar", "somwar", "somvaar", "सोमवार", "सोमवारी", "திங்கள்", "திங்கள்கிழமை",
                "సోమవారం", "সোমবার", "ಸೋಮವಾರ", "સોમવાર", "സോമവാരം", "തിങ്കളാഴ്ച", "തിങ്കൾ", "ਸੋਮਵਾਰ");
        weekday(DayOfWeek.TUESDAY, "tuesday", "tue", "tues", "mangalvar", "mangalwar", "mangal", "मंगलवार", "मंगळवार", "मंगळवारी",
                "செவ்வாய்", "செவ்வாய்க்கிழமை", "మంగళవారం", "মঙ্গলবার", "ಮಂಗಳವಾರ", "મંગળવાર", "ചൊവ്വാഴ്ച", "ചൊവ്വ", "ਮੰਗਲਵਾਰ");
        weekday(DayOfWeek.WEDNESDAY, "wednesday", "wed", "budhvar", "budhwar", "budh", "बुधवार", "बुधवारी", "புதன்", "புதன்கிழமை",
                "బుధవారం", "বুধবার", "ಬುಧವಾರ", "બુધવાર", "ബുധനാഴ്ച", "ബുധൻ", "ਬੁੱਧਵਾਰ");
        weekday(DayOfWeek.THURSDAY, "thursday", "thu", "thur", "thurs", "guruvar", "guruwar", "brihaspativar", "गुरुवार", "बृहस्पतिवार",
                "गुरुवारी", "வியாழன்", "வியாழக்கிழமை", "గురువారం", "বৃহস্পতিবার", "ಗುರುವಾರ", "ગુરુવાર", "വ്യാഴാഴ്ച", "വ്യാഴം", "ਵੀਰਵਾਰ");
        weekday(DayOfWeek.FRIDAY, "friday", "fri", "shukravar", "shukrawar", "jumma", "शुक्रवार", "शुक्रवारी", "வெள்ளி", "வெள்ளிக்கிழமை",
                "శుక్రవారం", "শুক্রবার", "ಶುಕ್ರವಾರ", "શુક્રવાર", "വെള്ളിയാഴ്ച", "വെള്ളി", "ਸ਼ੁੱਕਰਵਾਰ");
        weekday(DayOfWeek.SATURDAY, "saturday", "sat", "shanivar", "shaniwar", "shanivaar", "shani", "शनिवार", "शनिवारी", "சனி",
                "சனிக்கிழமை", "శనివారం", "শনিবার", "ಶನಿವಾರ", "શનિવાર", "શનિવારે", "ശനിയാഴ്ച", "ശനി", "ਸ਼ਨੀਵਾਰ");
        weekday(DayOfWeek.SUNDAY, "sunday", "sun", "ravivar", "raviwar", "itvaar", "itwar", "रविवार", "इतवार", "रविवारी", "ஞாயிறு",
                "ஞாயிற்றுக்கிழமை", "ఆదివారం", "রবিবার", "ಭಾನುವಾರ", "રવિવાર", "રવિવારે", "ഞായറാഴ്ച", "ഞായർ", "ਐਤਵਾਰ");
        String[][] months = {
            {"jan", "january", "जनवरी"}, {"feb", "february", "फरवरी"}, {"mar", "march", "मार्च"}, {"apr", "april", "अप्रैल"},
            {"may", "मई"}, {"jun", "june", "जून"}, {"jul", "july", "जुलाई"}, {"aug", "august", "अगस्त"},
            {"sep", "sept", "september", "सितंबर", "सितम्बर"}, {"oct", "october", "अक्टूबर", "अक्तूबर"},
            {"nov", "november", "नवंबर", "नवम्बर"}, {"dec", "december", "दिसंबर", "दिसम्बर"}};
        for (int m = 0; m < months.length; m++) {
            for (String name : months[m]) {
                MONTHS.put(name, m + 1);
            }
        }
        part(PartOfDay.MORNING, "morning", "subah", "subha", "subeh", "savere", "sawere", "सुबह", "सवेरे", "सकाळी", "सकाळ", "kaalaila",
                "kaalai", "காலை", "ఉదయం", "সকালে", "সকাল", "ಬೆಳಿಗ್ಗೆ", "ಬೆಳಗ್ಗೆ", "સવારે", "സવാર", "രാവിലെ", "ਸਵੇਰੇ", "ਸਵੇਰ");
        part(PartOfDay.AFTERNOON, "afternoon", "dopahar", "dupahar", "dopehar", "dophar", "दोपहर", "दुपारी", "madhyanam", "மதியம்",
                "మధ్యాహ్నం", "দুপুরে", "দুপুর", "ಮಧ್ಯಾಹ್ನ", "બપોરે", "ഉച്ചയ്ക്ക്", "ਦੁਪਹਿਰ", "noon");
        part(PartOfDay.EVENING, "evening", "eve", "shaam", "sham", "shyam", "शाम", "संध्याकाळी", "saayangalam", "saayankalam",
                "சாயங்காலம்", "மாலை", "సాయంత్రం", "সন্ধ্যায়", "সন্ধ্যা", "ಸಂಜೆ", "સાંજે", "വൈകുന്നേരം", "വൈകിട്ട്", "ਸ਼ਾਮ");
        part(PartOfDay.NIGHT, "night", "tonight", "raat", "rat", "रात", "रात्री", "இரவு", "రాత్రి", "রাতে", "ರಾತ್ರಿ", "રાત્રે", "രാത്രി", "ਰਾਤ");
    }

    private static void weekday(DayOfWeek day, String... names) {
        for (String name : names) {
            WEEKDAYS.put(name, day);
        }
    }

    private static void part(PartOfDay partOfDay, String... names) {
        for (String name : names) {
            PARTS.put(name, partOfDay);
        }
    }

    /** Mutable state while reading one message. */
    private static final class Reading {
        LocalDate date;
        LocalDate until;
        Integer hour;
        int minute;
        Boolean pm;
        PartOfDay part;
    }

    public Optional<DateTimeMention> extract(String text, ZonedDateTime now) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String lower = EntityExtractor.asciiDigits(text).toLowerCase(Locale.ROOT);
        List<String> tokens = tokens(lower);
        LocalDate today = now.toLocalDate();
        Reading r = new Reading();
        for (int i = 0; i < tokens.size(); i++) {
            read(tokens, i, today, r);
        }
        if (lower.contains("day after tomorrow") || lower.contains("நாளை மறுநாள்") || lower.contains("પરમ દિવસે")) {
            r.date = today.plusDays(2);
        }
        if (lower.contains("tonight") && r.part == null) {
            r.part = PartOfDay.NIGHT;
        }
        if (r.date == null && r.hour == null && r.part == null) {
            return Optional.empty();
        }
        LocalTime time = r.hour == null ? null : LocalTime.of(resolveHour(r.hour, r.pm, r.part), r.minute);
        LocalDate date = r.date;
        if (date == null) {
            LocalTime probe = time != null ? time : r.part.end();
            date = probe.isAfter(now.toLocalTime()) ? today : today.plusDays(1);
        }
        return Optional.of(new DateTimeMention(date, r.until, time, r.part));
    }

    private static void read(List<String> tokens, int i, LocalDate today, Reading r) {
        String t = tokens.get(i);
        String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
        String prev = i > 0 ? tokens.get(i - 1) : "";
        Integer relative = RELATIVE_DAYS.get(t);
        if (relative != null && r.date == null) {
            r.date = today.plusDays(relative);
            return;
        }
        DayOfWeek weekday = weekdayOf(t);
        if (weekday != null && (r.date == null || r.until != null)) {
            boolean strictlyAfter = NEXT.contains(prev);
            LocalDate d = today.with(TemporalAdjusters.nextOrSame(weekday));
            if (strictlyAfter && !d.isAfter(today)) {
                d = d.plusWeeks(1);
            }
            r.date = d;
            r.until = null;
            return;
        }
        if (WEEK.contains(t) && r.date == null) {
            if (NEXT.contains(prev)) {
                r.date = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                r.until = r.date.plusDays(6);
            } else if (THIS.contains(prev)) {
                r.date = today;
                r.until = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            }
            return;
        }
        if (WEEKEND.contains(t) && r.date == null) {
            r.date = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            r.until = r.date.plusDays(1);
            if (today.getDayOfWeek() == DayOfWeek.SUNDAY && !NEXT.contains(prev)) {
                r.date = today;
                r.until = today;
            }
            return;
        }
        PartOfDay part = PARTS.get(t);
        if (part != null) {
            r.part = part;
            if (t.equals("tonight") && r.date == null) {
                r.date = today;
            }
            return;
        }
        if (t.equals("am") || t.equals("pm")) {
            return;
        }
        if (!Character.isDigit(t.charAt(0))) {
            return;
        }
        readNumber(t, prev, next, i + 2 < tokens.size() ? tokens.get(i + 2) : "", today, r);
    }

    private static void readNumber(String t, String prev, String next, String afterNext, LocalDate today, Reading r) {
        int sep = firstSeparator(t);
        String suffix = letterSuffix(t);
        String digits = t.substring(0, t.length() - suffix.length());
        boolean meridiemNext = next.equals("am") || next.equals("pm");
        boolean marker = HOUR_MARKERS.contains(next) || (next.equals("o") && afterNext.equals("clock"))
                || suffix.equals("টায়") || suffix.equals("টা") || suffix.equals("টার") || HOUR_MARKERS.contains(suffix);
        boolean meridiemSuffix = suffix.equals("am") || suffix.equals("pm");
        if (sep > 0) {
            char c = digits.charAt(sep);
            int a = parseInt(digits.substring(0, sep));
            String rest = digits.substring(sep + 1);
            int sep2 = firstSeparator(rest);
            int b = parseInt(sep2 > 0 ? rest.substring(0, sep2) : rest);
            boolean timeContext = meridiemNext || meridiemSuffix || marker || c == ':';
            if (!timeContext && c != ':' && a >= 1 && a <= 31 && b >= 1 && b <= 12 && r.date == null) {
                int year = sep2 > 0 ? parseInt(rest.substring(sep2 + 1)) : -1;
                r.date = dayMonth(a, b, year, today);
                return;
            }
            if (a >= 0 && a <= 23 && b >= 0 && b <= 59 && (c == ':' || c == '.') && r.hour == null) {
                r.hour = a;
                r.minute = b;
                r.pm = meridiemSuffix ? Boolean.valueOf(suffix.equals("pm")) : meridiemNext ? Boolean.valueOf(next.equals("pm")) : null;
            }
            return;
        }
        int value = parseInt(digits);
        if (value < 0) {
            return;
        }
        if ((meridiemNext || meridiemSuffix) && value >= 1 && value <= 12 && r.hour == null) {
            r.hour = value;
            r.minute = 0;
            r.pm = meridiemSuffix ? suffix.equals("pm") : next.equals("pm");
            return;
        }
        if (marker && value <= 23 && r.hour == null) {
            r.hour = value;
            r.minute = 0;
            return;
        }
        Integer month = MONTHS.get(next.equals("of") ? afterNext : next);
        boolean ordinal = suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th");
        if (month != null && value >= 1 && value <= 31 && r.date == null) {
            r.date = dayMonth(value, month, -1, today);
            return;
        }
        Integer monthBefore = MONTHS.get(prev);
        if (monthBefore != null && value >= 1 && value <= 31 && r.date == null && (suffix.isEmpty() || ordinal)) {
            r.date = dayMonth(value, monthBefore, -1, today);
            return;
        }
        boolean dayWord = next.equals("tarikh") || next.equals("tareekh") || next.equals("tarik") || next.equals("तारीख")
                || next.equals("तारीख़") || next.equals("तारखेला");
        if ((dayWord || (ordinal && !MONTHS.containsKey(next))) && value >= 1 && value <= 31 && r.date == null) {
            LocalDate candidate = today.withDayOfMonth(Math.min(value, today.lengthOfMonth()));
            r.date = candidate.isBefore(today) ? today.plusMonths(1).withDayOfMonth(Math.min(value, today.plusMonths(1).lengthOfMonth())) : candidate;
            return;
        }
        if ((prev.equals("at") || prev.equals("@")) && value >= 1 && value <= 12 && r.hour == null) {
            r.hour = value;
            r.minute = 0;
        }
    }

    private static int resolveHour(int hour, Boolean pm, PartOfDay part) {
        if (pm != null) {
            int h = hour % 12;
            return pm ? h + 12 : h;
        }
        if (hour >= 13) {
            return hour;
        }
        if (part != null) {
            return switch (part) {
                case MORNING -> hour == 12 ? 12 : hour;
                case AFTERNOON -> hour == 12 ? 12 : hour + 12 > 23 ? hour : hour + 12;
                case EVENING, NIGHT -> hour == 12 ? 0 : hour + 12;
            };
        }
        if (hour == 0 || hour == 12) {
            return hour;
        }
        return hour <= 7 ? hour + 12 : hour;
    }

    private static LocalDate dayMonth(int day, int month, int year, LocalDate today) {
        int y = year < 0 ? today.getYear() : year < 100 ? 2000 + year : year;
        LocalDate candidate = LocalDate.of(y, month, Math.min(day, java.time.YearMonth.of(y, month).lengthOfMonth()));
        if (year < 0 && candidate.isBefore(today)) {
            candidate = candidate.plusYears(1);
        }
        return candidate;
    }

    private static DayOfWeek weekdayOf(String token) {
        DayOfWeek exact = WEEKDAYS.get(token);
        if (exact != null || token.length() < 4 || token.charAt(0) < 0x0900) {
            return exact;
        }
        // Indic case endings stick to the word ("शनिवारको", "ಶನಿವಾರದಂದು"): match on the stem
        for (Map.Entry<String, DayOfWeek> e : WEEKDAYS.entrySet()) {
            if (e.getKey().length() >= 4 && token.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Splits into words; keeps ':' '/' '.' '-' when they sit between digits ("3:30", "25/11/2026"). */
    static List<String> tokens(String s) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean word = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK;
            boolean joiner = (c == ':' || c == '/' || c == '.' || c == '-') && i > 0 && i + 1 < s.length()
                    && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1));
            if (word || joiner) {
                // "4pm" stays one token; "pm4" never happens in practice
                current.append(c);
            } else if (current.length() > 0) {
                tokens.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static int firstSeparator(String t) {
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ':' || c == '/' || c == '.' || c == '-') {
                return i;
            }
        }
        return -1;
    }

    private static String letterSuffix(String t) {
        int i = t.length();
        while (i > 0 && !Character.isDigit(t.charAt(i - 1))) {
            i--;
        }
        return t.substring(i);
    }

    private static int parseInt(String s) {
        if (s.isEmpty() || s.length() > 4) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
