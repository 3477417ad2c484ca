package com.smsverifyo.store;

/** Base catalog prices of a service in a country, before any tier discount. */
public record Price(String service, String country, long priceMicros, long mobilePriceMicros) {
}
