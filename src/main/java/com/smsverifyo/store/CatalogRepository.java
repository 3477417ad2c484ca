package com.smsverifyo.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Services, countries, base prices and tiers. */
public final class CatalogRepository {

    /** How many numbers of a country and type are free for a service (key: service|country|type). */
    public record Availability(Map<String, Long> free) {
        public long free(String service, String country, NumberType type) {
            return free.getOrDefault(service + "|" + country + "|" + type, 0L);
        }
    }

    public List<Service> services(Tx tx) {
        return Sql.list(tx, "SELECT code, name, sort_order FROM services ORDER BY sort_order, code",
                row -> new Service(row.getString("code"), row.getString("name"), row.getInt("sort_order")));
    }

    public List<Country> countries(Tx tx) {
        return Sql.list(tx, "SELECT code, name FROM countries ORDER BY code",
                row -> new Country(row.getString("code"), row.getString("name")));
    }

    public List<Price> prices(Tx tx) {
        return Sql.list(tx, "SELECT service, country, price_micros, mobile_price_micros FROM prices ORDER BY service, country",
                row -> new Price(row.getString("service"), row.getString("country"), row.getLong("price_micros"),
                        row.getLong("mobile_price_micros")));
    }

    public Optional<Price> price(Tx tx, String service, String country) {
        return Sql.one(tx, "SELECT service, country, price_micros, mobile_price_micros FROM prices WHERE service = ? AND country = ?",
                row -> new Price(row.getString("service"), row.getString("country"), row.getLong("price_micros"),
                        row.getLong("mobile_price_micros")), service, country);
    }

    public List<Tier> tiers(Tx tx) {
        return Sql.list(tx, "SELECT name, discount_bp FROM tiers ORDER BY discount_bp, name",
                row -> new Tier(row.getString("name"), row.getInt("discount_bp")));
    }

    public Optional<Tier> tier(Tx tx, String name) {
        return Sql.one(tx, "SELECT name, discount_bp FROM tiers WHERE name = ?",
                row -> new Tier(row.getString("name"), row.getInt("discount_bp")), name);
    }

    public void upsertService(Tx tx, Service service) {
        Sql.update(tx, "INSERT INTO services (code, name, sort_order) VALUES (?, ?, ?) "
                + "ON CONFLICT (code) DO UPDATE SET name = excluded.name, sort_order = excluded.sort_order",
                service.code(), service.name(), service.sortOrder());
    }

    public void upsertCountry(Tx tx, Country country) {
        Sql.update(tx, "INSERT INTO countries (code, name) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name",
                country.code(), country.name());
    }

    public void upsertPrice(Tx tx, Price price) {
        Sql.update(tx, "INSERT INTO prices (service, country, price_micros, mobile_price_micros) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (service, country) DO UPDATE SET price_micros = excluded.price_micros, "
                        + "mobile_price_micros = excluded.mobile_price_micros",
                price.service(), price.country(), price.priceMicros(), price.mobilePriceMicros());
    }

    public void deletePrice(Tx tx, String service, String country) {
        Sql.update(tx, "DELETE FROM prices WHERE service = ? AND country = ?", service, country);
    }

    public void upsertTier(Tx tx, Tier tier) {
        Sql.update(tx, "INSERT INTO tiers (name, discount_bp) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET discount_bp = excluded.discount_bp",
                tier.name(), tier.discountBp());
    }

    public void deleteAllPrices(Tx tx) {
        Sql.update(tx, "DELETE FROM prices");
    }

    public void deleteService(Tx tx, String code) {
        Sql.update(tx, "DELETE FROM services WHERE code = ?", code);
    }

    public void deleteCountry(Tx tx, String code) {
        Sql.update(tx, "DELETE FROM countries WHERE code = ?", code);
    }

    public void deleteTier(Tx tx, String name) {
        Sql.update(tx, "DELETE FROM tiers WHERE name = ?", name);
    }

    /** Open (waiting or received) rentals per service code. */
    public Map<String, Long> openRentalsByService(Tx tx) {
        return counts(tx, "SELECT service, count(*) FROM rentals WHERE status IN ('waiting', 'received') GROUP BY service");
    }

    /** Open (waiting or received) rentals per country code. */
    public Map<String, Long> openRentalsByCountry(Tx tx) {
        return counts(tx, "SELECT country, count(*) FROM rentals WHERE status IN ('waiting', 'received') GROUP BY country");
    }

    /** Accounts per tier name. */
    public Map<String, Long> accountsByTier(Tx tx) {
        return counts(tx, "SELECT tier, count(*) FROM accounts GROUP BY tier");
    }

    private static Map<String, Long> counts(Tx tx, String sql) {
        Map<String, Long> counts = new HashMap<>();
        Sql.each(tx, sql, row -> Map.entry(row.getString(1), row.getLong(2)), e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    public Availability availability(Tx tx) {
        Map<String, Long> total = new HashMap<>();
        Sql.each(tx, "SELECT n.country, n.carrier, count(*) AS n FROM numbers n WHERE " + NumberRepository.RENTABLE
                        + " GROUP BY n.country, n.carrier",
                row -> Map.entry(row.getString("country") + "|" + row.getString("carrier"), row.getLong("n")),
                entry -> total.put(entry.getKey(), entry.getValue()));
        Map<String, Long> taken = new HashMap<>();
        Sql.each(tx, "SELECT t.service, n.country, n.carrier, count(*) AS n FROM "
                        + "(SELECT number_id, service FROM leases UNION ALL SELECT number_id, service FROM number_blocks) t "
                        + "JOIN numbers n ON n.id = t.number_id WHERE " + NumberRepository.RENTABLE
                        + " GROUP BY t.service, n.country, n.carrier",
                row -> Map.entry(row.getString("service") + "|" + row.getString("country") + "|" + row.getString("carrier"),
                        row.getLong("n")),
                entry -> taken.put(entry.getKey(), entry.getValue()));
        Map<String, Long> free = new HashMap<>();
        for (Service service : services(tx)) {
            for (Map.Entry<String, Long> entry : total.entrySet()) {
                String key = service.code() + "|" + entry.getKey();
                free.put(key, Math.max(0, entry.getValue() - taken.getOrDefault(key, 0L)));
            }
        }
        return new Availability(free);
    }
}
