package com.smsverifyo.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The JDBC plumbing every repository shares: bind, run, map, wrap failures. */
final class Sql {
    private Sql() {
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    static <T> List<T> list(Tx tx, String sql, RowMapper<T> mapper, Object... args) {
        try {
            PreparedStatement statement = tx.conn().prepare(sql);
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Streams rows to {@code sink} without holding them all: for exports of any size. */
    static <T> void each(Tx tx, String sql, RowMapper<T> mapper, Consumer<T> sink, Object... args) {
        try {
            PreparedStatement statement = tx.conn().prepare(sql);
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(mapper.map(rows));
                }
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    static <T> Optional<T> one(Tx tx, String sql, RowMapper<T> mapper, Object... args) {
        try {
            PreparedStatement statement = tx.conn().prepare(sql);
            bind(statement, args);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    static long count(Tx tx, String sql, Object... args) {
        return one(tx, sql, row -> row.getLong(1), args).orElse(0L);
    }

    static int update(Tx tx, String sql, Object... args) {
        tx.requireWritable();
        try {
            PreparedStatement statement = tx.conn().prepare(sql);
            bind(statement, args);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Runs an INSERT and returns the new row's rowid (the INTEGER PRIMARY KEY where there is one). */
    static long insert(Tx tx, String sql, Object... args) {
        update(tx, sql, args);
        return count(tx, "SELECT last_insert_rowid()");
    }

    static java.time.Instant instant(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : java.time.Instant.ofEpochMilli(value);
    }

    static Long millis(java.time.Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static void bind(PreparedStatement statement, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            int index = i + 1;
            if (arg == null) {
                statement.setNull(index, Types.NULL);
            } else if (arg instanceof String s) {
                statement.setString(index, s);
            } else if (arg instanceof Long l) {
                statement.setLong(index, l);
            } else if (arg instanceof Integer n) {
                statement.setInt(index, n);
            } else if (arg instanceof Boolean b) {
                statement.setInt(index, b ? 1 : 0);
            } else if (arg instanceof byte[] bytes) {
                statement.setBytes(index, bytes);
            } else if (arg instanceof Enum<?> e) {
                statement.setString(index, e.toString());
            } else {
                throw new IllegalArgumentException("cannot bind " + arg.getClass());
            }
        }
    }

    private static StoreException failure(String sql, SQLException e) {
        return new StoreException("database statement failed: " + e.getMessage() + " [" + firstWords(sql) + "]", e);
    }

    private static String firstWords(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "…";
    }
}
