package com.smsverifyo.store;

import java.util.List;
import java.util.Optional;

/** One page of a keyset-paginated list; {@code nextAfter} is the position to continue from. */
public record Page<T>(List<T> items, Long nextAfter) {
    public boolean hasMore() {
        return nextAfter != null;
    }

    public Optional<Long> next() {
        return Optional.ofNullable(nextAfter);
    }
}
