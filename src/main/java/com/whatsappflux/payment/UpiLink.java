package com.whatsappflux.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The UPI deep link every UPI app opens: upi://pay?pa=&lt;vpa&gt;&amp;pn=&lt;name&gt;&amp;am=&lt;amount&gt;&amp;cu=INR&amp;tn=&lt;invoice&gt;. */
public final class UpiLink {

    private UpiLink() {
    }

    public static String of(String vpa, String payeeName, BigDecimal amount, String invoiceNumber) {
        return "upi://pay?pa=" + encode(vpa) + "&pn=" + encode(payeeName)
                + "&am=" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + "&cu=INR&tn=" + encode(invoiceNumber);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
