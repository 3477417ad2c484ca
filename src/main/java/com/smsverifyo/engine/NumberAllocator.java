package com.smsverifyo.engine;

import com.smsverifyo.store.Carrier;
import com.smsverifyo.store.NumberRepository;
import com.smsverifyo.store.NumberType;
import com.smsverifyo.store.PoolNumber;
import com.smsverifyo.store.Tx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks a free number for a rental. The database decides what is free (leases, blocks); this class
 * only remembers where the last pick stopped for each country, type and service, so the pool is
 * walked round-robin (a number rests before it is used again) and each pick scans a few rows. The
 * remembered position is a hint: losing it (a restart, a rollback) costs one longer scan, never a
 * wrong pick.
 */
final class NumberAllocator {
    private final NumberRepository numbers = new NumberRepository();
    private final Map<String, Long> cursors = new ConcurrentHashMap<>();

    /** A free number, preferring virtual lines for {@code any} so real mobile ones stay for those who ask. */
    Optional<PoolNumber> allocate(Tx tx, String country, Carrier carrier, String service) {
        List<NumberType> order = carrier == Carrier.MOBILE
                ? List.of(NumberType.MOBILE)
                : List.of(NumberType.VOIP, NumberType.MOBILE);
        for (NumberType type : order) {
            String cursorKey = country + "|" + type + "|" + service;
            long after = cursors.getOrDefault(cursorKey, 0L);
            Optional<PoolNumber> found = numbers.firstFree(tx, country, type, service, after);
            if (found.isEmpty() && after > 0) {
                found = numbers.firstFree(tx, country, type, service, 0L);
            }
            if (found.isPresent()) {
                cursors.put(cursorKey, found.get().id());
                return found;
            }
        }
        return Optional.empty();
    }
}
