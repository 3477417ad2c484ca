package com.smsverifyo.store;

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
}
