package com.smsverifyo.engine;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Opaque ids with a type prefix that sort by creation time: {@code rnt_} + 10 characters of
 * millisecond timestamp + 16 random characters, all Crockford base32 (the ULID layout).
 *
 * <p>Ids are monotonic within the process (the ULID "monotonic" variant): an id made in the same
 * millisecond as the previous one, or while the clock stands still or steps back, takes the previous
 * id's time and its random part plus one. Lists ordered by id ("newest first") therefore follow the
 * order of creation even when many ids share a millisecond, as they do under a test clock.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long MASK_40 = (1L << 40) - 1;

    /** The last id handed out in this process (shared by every instance: they share one clock). */
    private static final Object LOCK = new Object();
    private static long lastTime = -1;
    private static long lastHigh;
    private static long lastLow;

    private final Clock clock;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public String next(String prefix) {
        long time;
        long high;
        long low;
        synchronized (LOCK) {
            long now = clock.millis();
            if (now > lastTime) {
                lastTime = now;
                byte[] random = new byte[10];
                RANDOM.nextBytes(random);
                lastHigh = 0;
                lastLow = 0;
                for (int i = 0; i < 5; i++) {
                    lastHigh = (lastHigh << 8) | (random[i] & 0xff);
                    lastLow = (lastLow << 8) | (random[i + 5] & 0xff);
                }
            } else {
                // The 80-bit random part plus one, carried from the low 40 bits into the high 40.
                lastLow = (lastLow + 1) & MASK_40;
                if (lastLow == 0) {
                    lastHigh = (lastHigh + 1) & MASK_40;
                    if (lastHigh == 0) {
                        lastTime++; // 2^80 ids in one millisecond: borrow the next one
                    }
                }
            }
            time = lastTime;
            high = lastHigh;
            low = lastLow;
        }
        return prefix + "_" + encode(time, high, low);
    }

    private static String encode(long time, long high, long low) {
        char[] text = new char[26];
        for (int i = 9; i >= 0; i--) {
            text[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 17; i >= 10; i--) {
            text[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            text[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(text);
    }
}
