package com.whatsappflux.broadcast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns what managers paste or upload (CSV cells, "+91 98123-45678", "09812345678") into WhatsApp ids:
 * digits only with country code. Ten-digit numbers are Indian mobiles (the business's home market).
 */
final class AudienceNumbers {

    private AudienceNumbers() {
    }

    /** The normalised wa_id, or null when it cannot be a phone number. */
    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[\\s\\-().+]", "");
        if (!digits.matches("\\d+")) {
            return null;
        }
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        } else if (digits.length() == 11 && digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        if (digits.length() == 10 && "6789".indexOf(digits.charAt(0)) >= 0) {
            digits = "91" + digits;
        }
        return digits.length() >= 11 && digits.length() <= 15 && digits.charAt(0) != '0' ? digits : null;
    }

    /**
     * The phone cells of a CSV: the column headed phone/mobile/number/wa_id, else the first column.
     * A header row is recognised by having no digits in that column.
     */
    static List<String> fromCsv(String csv) {
        List<String> numbers = new ArrayList<>();
        if (csv == null || csv.isBlank()) {
            return numbers;
        }
        String[] lines = csv.split("\\r?\\n");
        int column = 0;
        int first = 0;
        String[] header = split(lines[0]);
        if (isHeader(header)) {
            for (int i = 0; i < header.length; i++) {
                String h = header[i].trim().toLowerCase(Locale.ROOT);
                if (h.contains("phone") || h.contains("mobile") || h.contains("number") || h.contains("wa_id") || h.contains("whatsapp")) {
                    column = i;
                    break;
                }
            }
            first = 1;
        }
        for (int i = first; i < lines.length; i++) {
            String[] cells = split(lines[i]);
            if (cells.length > column && !cells[column].isBlank()) {
                numbers.add(cells[column].trim());
            }
        }
        return numbers;
    }

    private static boolean isHeader(String[] cells) {
        for (String c : cells) {
            if (c.matches(".*\\d.*")) {
                return false;
            }
        }
        return true;
    }

    private static String[] split(String line) {
        return line.replace("\"", "").split("[,;\\t]", -1);
    }
}
