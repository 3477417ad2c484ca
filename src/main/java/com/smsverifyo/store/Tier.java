package com.smsverifyo.store;

/** A named discount on the base catalog, in basis points (2000 = 20 %). */
public record Tier(String name, int discountBp) {
}
