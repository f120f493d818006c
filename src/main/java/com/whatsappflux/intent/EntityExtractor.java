package com.whatsappflux.intent;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls amounts, payment references, order numbers, quantities, phones, e-mails, pincodes and a
 * date/time out of a message.
 *
 * <p>Order matters: each matched span is claimed, so a 12-digit UPI reference is not also read as a
 * phone, and a 6-digit amount or phone fragment never becomes a pincode. The number patterns run only
 * when the text has a digit and the e-mail pattern only when it has an '@', which keeps the common
 * digit-free message cheap.
 */
public final class EntityExtractor {

    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}");
    /** A reference introduced by its name: "UTR 4123…", "ref no 3021 8876 1123", "txn id: ABC…". */
    private static final Pattern KEYED_REFERENCE = Pattern.compile(
            "(?:utr|rrn|ref|reference|txn|transaction|upi ref|imps|neft)\\s*(?:no|number|id|num)?\\.?\\s*[:#-]?\\s*"
                    + "([a-z0-9](?:[a-z0-9]|\\s(?=[a-z0-9])){9,26})");
    private static final Pattern UTR = Pattern.compile("(?<![a-z0-9])([a-z]{4}[a-z0-9]{12,18})(?![a-z0-9])");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<![\\d])(\\d{12})(?![\\d])");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d])(?:\\+?91[\\s-]?|0)?([6-9]\\d{4})[\\s-]?(\\d{5})(?![\\d])");
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{2,3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    private static final String MULTIPLIER = "(k|thousand|hazaar|hazar|हजार|lakh|lakhs|lac|lacs|लाख|cr|crore|crores|करोड़)";
    private static final Pattern CURRENCY_FIRST = Pattern.compile(
            "(?:₹|rs\\.?|inr|rupees)\\s*" + NUMBER + "(?:\\s*" + MULTIPLIER + "(?![\\p{L}]))?");
    private static final Pattern CURRENCY_AFTER = Pattern.compile(
            NUMBER + "(?:\\s*" + MULTIPLIER + ")?\\s*(?:/-|rs\\b|rs\\.|rupees?\\b|rupaye|rupay|inr\\b|₹|रुपये|रुपए|रुपया"
                    + "|টাকা|ரூபாய்|రూపాయలు|ರೂಪಾಯಿ|રૂપિયા|രൂപ|ਰੁਪਏ)");
    private static final Pattern NUMBER_WITH_MULTIPLIER = Pattern.compile(
            "(?<![\\d.,])" + NUMBER + "\\s*" + MULTIPLIER + "(?![\\p{L}])");
    private static final Pattern PAID_NUMBER = Pattern.compile(
            "(?:paid|sent|transferred|transfer|pay|payment of|gpay|gpayed|phonepe|paytm|bheje|bhej diye|jama|advance)"
                    + "\\s+(?:kiya\\s+|kar diya\\s+|of\\s+)?" + NUMBER + "(?![\\d\\p{L}])");
    private static final Pattern ORDER = Pattern.compile(
            "(?:order|ordr|oder|ord|ऑर्डर|आर्डर|ऑडर|ஆர்டர்|ఆర్డర్|অর্ডার|ಆರ್ಡರ್|ઓર્ડર|ഓർഡർ|ਆਰਡਰ|po|invoice|bill)"
                    + "\\s*(?:no\\.?|number|num|id|nr|नंबर|क्रमांक|#)?\\s*[:#.-]?\\s*#?\\s*([a-z]{0,4}-?\\d[a-z0-9-]{0,14})");
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(kgs?|kilos?|kilograms?|किलो|grams?|gms?|g|tons?|tonnes?|टन|litres?|liters?|ltrs?|l|लीटर|ml"
                    + "|pcs|pc|pieces?|piece|nos|units?|पीस|dozens?|darjan|दर्जन|boxes|box|डिब्बे|packets?|pkts?|पैकेट|bags?|bori|बोरी"
                    + "|cartons?|meters?|metres?|mtrs?|sets?|bottles?|pairs?)(?![\\p{L}\\p{M}])");
    private static final Pattern PINCODE = Pattern.compile("(?<![\\d])([1-9]\\d{5})(?![\\d])");

    private final DateTimeExtractor dates = new DateTimeExtractor();

    public Entities extract(String text, ZonedDateTime now) {
        if (text == null || text.isBlank()) {
            return Entities.NONE;
        }
        String lower = asciiDigits(text).toLowerCase(Locale.ROOT);
        List<DateTimeMention> dateTimes = dates.extract(text, now).map(List::of).orElse(List.of());
        boolean hasDigit = hasDigit(lower);
        boolean hasAt = lower.indexOf('@') >= 0;
        if (!hasDigit && !hasAt) {
            return dateTimes.isEmpty() ? Entities.NONE
                    : new Entities(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), dateTimes);
        }
        boolean[] claimed = new boolean[lower.length() + 1];
        List<String> emails = hasAt ? emails(lower, claimed) : List.of();
        List<String> references = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        List<Quantity> quantities = new ArrayList<>();
        List<String> pincodes = new ArrayList<>();
        if (hasDigit) {
            references(lower, claimed, references);
            phones(lower, claimed, phones);
            amounts(lower, claimed, amounts);
            quantities(lower, claimed, quantities);
            orders(lower, claimed, orders);
            pincodes(lower, claimed, pincodes);
        }
        return new Entities(amounts, references, orders, quantities, phones, emails, pincodes, dateTimes);
    }

    private static List<String> emails(String lower, boolean[] claimed) {
        List<String> found = new ArrayList<>();
        Matcher m = EMAIL.matcher(lower);
        while (m.find()) {
            found.add(m.group());
            claim(claimed, m.start(), m.end());
        }
        return found;
    }

    private static void references(String lower, boolean[] claimed, List<String> out) {
        Matcher keyed = KEYED_REFERENCE.matcher(lower);
        while (keyed.find()) {
            String candidate = keyed.group(1).replace(" ", "").toUpperCase(Locale.ROOT);
            if (isReference(candidate) && free(claimed, keyed.start(1), keyed.end(1))) {
                addOnce(out, candidate);
                claim(claimed, keyed.start(1), keyed.end(1));
            }
        }
        Matcher utr = UTR.matcher(lower);
        while (utr.find()) {
            String candidate = utr.group(1).toUpperCase(Locale.ROOT);
            if (digitCount(candidate) >= 8 && free(claimed, utr.start(1), utr.end(1))) {
                addOnce(out, candidate);
                claim(claimed, utr.start(1), utr.end(1));
            }
        }
        Matcher twelve = TWELVE_DIGITS.matcher(lower);
        while (twelve.find()) {
            String digits = twelve.group(1);
            // 91 followed by a mobile prefix is a phone number written with its country code
            boolean looksLikePhone = digits.startsWith("91") && digits.charAt(2) >= '6';
            if (!looksLikePhone && free(claimed, twelve.start(1), twelve.end(1))) {
                addOnce(out, digits);
                claim(claimed, twelve.start(1), twelve.end(1));
            }
        }
    }

    /** A UPI reference is 12 digits; a NEFT/IMPS UTR 16–22 letters and digits with plenty of digits. */
    private static boolean isReference(String candidate) {
        int digits = digitCount(candidate);
        if (digits == candidate.length()) {
            return candidate.length() >= 10 && candidate.length() <= 22;
        }
        return candidate.length() >= 12 && candidate.length() <= 22 && digits >= 6;
    }

    private static void phones(String lower, boolean[] claimed, List<String> out) {
        Matcher m = PHONE.matcher(lower);
        while (m.find()) {
            if (free(claimed, m.start(), m.end())) {
                addOnce(out, "91" + m.group(1) + m.group(2));
                claim(claimed, m.start(), m.end());
            }
        }
    }

    private static void amounts(String lower, boolean[] claimed, List<BigDecimal> out) {
        for (Pattern pattern : new Pattern[] {CURRENCY_FIRST, CURRENCY_AFTER, NUMBER_WITH_MULTIPLIER, PAID_NUMBER}) {
            Matcher m = pattern.matcher(lower);
            while (m.find()) {
                if (!free(claimed, m.start(1), m.end(1))) {
                    continue;
                }
                String multiplier = m.groupCount() >= 2 ? m.group(2) : null;
                if (pattern == PAID_NUMBER && followedByUnit(lower, m.end(1))) {
                    continue;
                }
                out.add(amount(m.group(1), multiplier));
                claim(claimed, m.start(), m.end());
            }
        }
    }

    static BigDecimal amount(String number, String multiplier) {
        BigDecimal value = new BigDecimal(number.replace(",", ""));
        if (multiplier != null) {
            value = switch (multiplier) {
                case "k", "thousand", "hazaar", "hazar", "हजार" -> value.multiply(BigDecimal.valueOf(1_000));
                case "lakh", "lakhs", "lac", "lacs", "लाख" -> value.multiply(BigDecimal.valueOf(100_000));
                default -> value.multiply(BigDecimal.valueOf(10_000_000));
            };
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    private static boolean followedByUnit(String lower, int end) {
        Matcher q = QUANTITY.matcher(lower);
        int from = Math.max(0, end - 12);
        return q.find(from) && q.start() < end && q.end() > end;
    }

    private static void quantities(String lower, boolean[] claimed, List<Quantity> out) {
        Matcher m = QUANTITY.matcher(lower);
        while (m.find()) {
            if (free(claimed, m.start(), m.end())) {
                out.add(new Quantity(new BigDecimal(m.group(1)), canonicalUnit(m.group(2))));
                claim(claimed, m.start(), m.end());
            }
        }
    }

    static String canonicalUnit(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("kg") || u.startsWith("kilo") || u.equals("किलो")) {
            return "kg";
        }
        if (u.startsWith("gram") || u.startsWith("gm") || u.equals("g")) {
            return "g";
        }
        if (u.startsWith("ton") || u.equals("टन")) {
            return "ton";
        }
        if (u.equals("ml")) {
            return "ml";
        }
        if (u.startsWith("lit") || u.startsWith("ltr") || u.equals("l") || u.equals("लीटर")) {
            return "litre";
        }
        if (u.startsWith("p") && (u.startsWith("pc") || u.startsWith("piece")) || u.equals("nos") || u.startsWith("unit") || u.equals("पीस")) {
            return "pcs";
        }
        if (u.startsWith("doz") || u.equals("darjan") || u.equals("दर्जन")) {
            return "dozen";
        }
        if (u.startsWith("box") || u.equals("डिब्बे")) {
            return "box";
        }
        if (u.startsWith("packet") || u.startsWith("pkt") || u.equals("पैकेट")) {
            return "packet";
        }
        if (u.startsWith("bag") || u.equals("bori") || u.equals("बोरी")) {
            return "bag";
        }
        if (u.startsWith("carton")) {
            return "carton";
        }
        if (u.startsWith("met") || u.startsWith("mtr")) {
            return "metre";
        }
        if (u.startsWith("set")) {
            return "set";
        }
        if (u.startsWith("bottle")) {
            return "bottle";
        }
        return "pair";
    }

    private static void orders(String lower, boolean[] claimed, List<String> out) {
        Matcher m = ORDER.matcher(lower);
        while (m.find()) {
            String number = m.group(1).toUpperCase(Locale.ROOT);
            if (free(claimed, m.start(1), m.end(1)) && !number.endsWith("-")) {
                addOnce(out, number);
                claim(claimed, m.start(1), m.end(1));
            }
        }
    }

    private static void pincodes(String lower, boolean[] claimed, List<String> out) {
        Matcher m = PINCODE.matcher(lower);
        while (m.find()) {
            if (free(claimed, m.start(), m.end()) && !adjoinsDecimal(lower, m.start(), m.end())) {
                addOnce(out, m.group(1));
                claim(claimed, m.start(), m.end());
            }
        }
    }

    /** "1,50,000" or "150000.50" are money, not a pincode. */
    private static boolean adjoinsDecimal(String s, int start, int end) {
        return (start > 0 && (s.charAt(start - 1) == ',' || s.charAt(start - 1) == '.'))
                || (end < s.length() - 1 && (s.charAt(end) == ',' || s.charAt(end) == '.') && Character.isDigit(s.charAt(end + 1)));
    }

    /** Indic digits (०-९, ০-৯, …) become ASCII so one set of patterns reads every script; string length is unchanged. */
    static String asciiDigits(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7F && Character.isDigit(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text);
                }
                sb.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static int digitCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean free(boolean[] claimed, int start, int end) {
        for (int i = start; i < end; i++) {
            if (claimed[i]) {
                return false;
            }
        }
        return true;
    }

    private static void claim(boolean[] claimed, int start, int end) {
        for (int i = start; i < end; i++) {
            claimed[i] = true;
        }
    }

    private static <T> void addOnce(List<T> list, T value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
