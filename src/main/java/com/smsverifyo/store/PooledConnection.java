package com.smsverifyo.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** A JDBC connection with its prepared statements kept for reuse: hot paths prepare nothing. */
final class PooledConnection implements AutoCloseable {
    private final Connection jdbc;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    PooledConnection(Connection jdbc) {
        this.jdbc = jdbc;
    }

    Connection jdbc() {
        return jdbc;
    }

    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = jdbc.prepareStatement(sql);
            statements.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        statements.clear();
        try {
            jdbc.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
