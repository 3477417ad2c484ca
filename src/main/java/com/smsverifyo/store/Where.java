package com.smsverifyo.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a WHERE clause from the filters that are present, so SQLite plans each query with exactly
 * the conditions it has (an "(? IS NULL OR col = ?)" clause would keep it from using an index).
 */
final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();

    Where is(String column, Object value) {
        return when(value != null, column + " = ?", value);
    }

    Where when(boolean present, String condition, Object... values) {
        if (present) {
            conditions.add(condition);
            args.addAll(List.of(values));
        }
        return this;
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    Object[] args(Object... trailing) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(List.of(trailing));
        return all.toArray();
    }
}
