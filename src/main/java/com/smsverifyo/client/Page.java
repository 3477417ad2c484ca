package com.smsverifyo.client;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list.
 *
 * @param data       the items, in the list's order (newest first for rentals and the ledger)
 * @param hasMore    whether another page follows
 * @param nextCursor the cursor of the next page
 * @param <T>        the item type
 */
public record Page<T>(List<T> data, boolean hasMore, Optional<String> nextCursor) {
    /**
     * Copies the items so the record stays immutable.
     *
     * @param data the items, in the list's order (newest first for rentals and the ledger)
     * @param hasMore whether another page follows
     * @param nextCursor the cursor of the next page
     */
    public Page {
        data = List.copyOf(data);
    }
}
