package com.smsverifyo.store;

import java.util.Optional;

/** Small named values of the data directory (e.g. when it was initialised). */
public final class MetaRepository {

    public Optional<String> get(Tx tx, String name) {
        return Sql.one(tx, "SELECT value FROM meta WHERE name = ?", row -> row.getString(1), name);
    }

    public void put(Tx tx, String name, String value) {
        Sql.update(tx, "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                name, value);
    }
}
