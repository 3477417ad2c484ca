package com.smsverifyo.engine;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Opaque ids with a type prefix that sort by creation time: {@code rnt_} + 10 characters of
 * millisecond timestamp + 16 random characters, all Crockford base32 (the ULID layout). Within one
 * millisecond the random part counts up (monotonic ULIDs), so ids made by this process sort in the
 * order they were made even when the clock stands still.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    private long lastTime = -1;
    private long lastHigh;
    private long lastLow;

    public String next(String prefix) {
        char[] text = new char[26];
        long high;
        long low;
        long time;
        synchronized (this) {
            time = Math.max(clock.millis(), lastTime);
            if (time == lastTime) {
                // Same millisecond: count up the 80-bit random part (two 40-bit halves).
                low = (lastLow + 1) & 0xFF_FFFF_FFFFL;
                high = low == 0 ? (lastHigh + 1) & 0xFF_FFFF_FFFFL : lastHigh;
            } else {
                byte[] random = new byte[10];
                RANDOM.nextBytes(random);
                high = 0;
                low = 0;
                for (int i = 0; i < 5; i++) {
                    high = (high << 8) | (random[i] & 0xff);
                    low = (low << 8) | (random[i + 5] & 0xff);
                }
                // Leave head-room so counting up within the millisecond never wraps.
                high &= 0x7F_FFFF_FFFFL;
            }
            lastTime = time;
            lastHigh = high;
            lastLow = low;
        }
        long stamp = time;
        for (int i = 9; i >= 0; i--) {
            text[i] = ALPHABET[(int) (stamp & 31)];
            stamp >>>= 5;
        }
        for (int i = 17; i >= 10; i--) {
            text[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            text[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return prefix + "_" + new String(text);
    }
}
