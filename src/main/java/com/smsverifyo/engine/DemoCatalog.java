package com.smsverifyo.engine;

import com.smsverifyo.store.Country;
import com.smsverifyo.store.Price;
import com.smsverifyo.store.Service;
import com.smsverifyo.store.Tier;
import java.util.ArrayList;
import java.util.List;

/** The catalog a fresh data directory starts with: demo prices the owner edits later. */
public final class DemoCatalog {
    private DemoCatalog() {
    }

    public static List<Service> services() {
        return List.of(
                new Service("whatsapp", "WhatsApp", 10),
                new Service("telegram", "Telegram", 20),
                new Service("google", "Google", 30),
                new Service("facebook", "Facebook", 40),
                new Service("instagram", "Instagram", 50),
                new Service("tiktok", "TikTok", 60),
                new Service("discord", "Discord", 70),
                new Service("uber", "Uber", 80),
                new Service("amazon", "Amazon", 90),
                new Service("microsoft", "Microsoft", 100));
    }

    public static List<Country> countries() {
        return List.of(
                new Country("US", "United States"),
                new Country("GB", "United Kingdom"),
                new Country("DE", "Germany"),
                new Country("FR", "France"),
                new Country("NL", "Netherlands"),
                new Country("PL", "Poland"),
                new Country("BR", "Brazil"),
                new Country("IN", "India"),
                new Country("ID", "Indonesia"),
                new Country("RU", "Russia"),
                new Country("CA", "Canada"),
                new Country("MX", "Mexico"));
    }

    public static List<Tier> tiers() {
        return List.of(new Tier("retail", 0), new Tier("reseller", 2000));
    }

    /** Base price per service (micro-dollars), scaled per country; mobile numbers cost more. */
    public static List<Price> prices() {
        long[] serviceBase = {450_000, 300_000, 350_000, 250_000, 250_000, 200_000, 150_000, 200_000, 300_000, 200_000};
        int[] countryPercent = {100, 110, 120, 115, 105, 60, 50, 30, 35, 40, 95, 55};
        List<Service> services = services();
        List<Country> countries = countries();
        List<Price> prices = new ArrayList<>();
        for (int s = 0; s < services.size(); s++) {
            for (int c = 0; c < countries.size(); c++) {
                long price = roundToCents(serviceBase[s] * countryPercent[c] / 100);
                long mobile = roundToCents(price * 155 / 100);
                prices.add(new Price(services.get(s).code(), countries.get(c).code(), price, mobile));
            }
        }
        return prices;
    }

    private static long roundToCents(long micros) {
        return Math.max(10_000, Math.round(micros / 10_000.0) * 10_000);
    }
}
