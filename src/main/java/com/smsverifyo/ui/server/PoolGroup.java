package com.smsverifyo.ui.server;

import com.smsverifyo.client.PoolNumber;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of the pool by country and carrier.
 *
 * @param country  ISO alpha-2
 * @param carrier  {@code mobile} or {@code voip}
 * @param total    numbers in the pool
 * @param rentable of which the pool would hand out now
 */
public record PoolGroup(String country, String carrier, int total, int rentable) {

    /** Groups the pool, ordered by country then carrier. */
    static List<PoolGroup> of(List<PoolNumber> numbers) {
        Map<String, int[]> counts = new TreeMap<>();
        for (PoolNumber number : numbers) {
            int[] count = counts.computeIfAbsent(number.country() + "\u0000" + number.carrier(), k -> new int[2]);
            count[0]++;
            if (number.rentable()) {
                count[1]++;
            }
        }
        return counts.entrySet().stream().map(entry -> {
            String[] key = entry.getKey().split("\u0000", 2);
            return new PoolGroup(key[0], key[1], entry.getValue()[0], entry.getValue()[1]);
        }).sorted(Comparator.comparing(PoolGroup::country).thenComparing(PoolGroup::carrier)).toList();
    }
}
