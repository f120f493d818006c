package com.whatsappflux.intent;

import java.math.BigDecimal;

/** "5 kg", "3 dozen", "50 boxes": the number and a canonical unit (kg, g, ton, litre, ml, pcs, dozen, box, packet, bag, carton, metre, set, bottle, pair). */
public record Quantity(BigDecimal value, String unit) {
}
