package com.smsverifyo.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Net spend (charges minus refunds) per UTC day, for accounts and keys alike. */
public final class SpendRepository {

    public long spent(Tx tx, String ownerId, String day) {
        return Sql.count(tx, "SELECT micros FROM daily_spend WHERE owner_id = ? AND day = ?", ownerId, day);
    }

    public void add(Tx tx, String ownerId, String day, long micros) {
        Sql.update(tx, "INSERT INTO daily_spend (owner_id, day, micros) VALUES (?, ?, ?) "
                + "ON CONFLICT (owner_id, day) DO UPDATE SET micros = micros + excluded.micros", ownerId, day, micros);
    }

    /** Net spend of an owner over days {@code fromDay} to {@code toDay} inclusive. */
    public long spentBetween(Tx tx, String ownerId, String fromDay, String toDay) {
        return Sql.count(tx, "SELECT coalesce(sum(micros), 0) FROM daily_spend WHERE owner_id = ? AND day BETWEEN ? AND ?",
                ownerId, fromDay, toDay);
    }

    /**
     * Spend of many owners over days {@code fromDay} to {@code toDay} inclusive, and on {@code toDay}
     * alone, in one query (a list of customers shows both without a query per row). Owners without
     * spend are absent from the map.
     */
    public Map<String, SpendTotals> totals(Tx tx, Collection<String> ownerIds, String fromDay, String toDay) {
        Map<String, SpendTotals> totals = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return totals;
        }
        String marks = String.join(",", ownerIds.stream().map(id -> "?").toList());
        Object[] args = new Object[ownerIds.size() + 3];
        args[0] = toDay;
        int i = 1;
        for (String id : ownerIds) {
            args[i++] = id;
        }
        args[i++] = fromDay;
        args[i] = toDay;
        Sql.each(tx, "SELECT owner_id, coalesce(sum(CASE WHEN day = ? THEN micros END), 0) AS last_day, "
                        + "coalesce(sum(micros), 0) AS period FROM daily_spend WHERE owner_id IN (" + marks + ") "
                        + "AND day BETWEEN ? AND ? GROUP BY owner_id",
                row -> Map.entry(row.getString("owner_id"), new SpendTotals(row.getLong("last_day"), row.getLong("period"))),
                entry -> totals.put(entry.getKey(), entry.getValue()), args);
        return totals;
    }
}
