package com.whatsappflux.business;

/** The business as customers know it: name, address with a map link, phone, UPI id for payments. */
public record BusinessProfile(String name, String address, String mapUrl, String phone, String upiVpa, String website) {
}
