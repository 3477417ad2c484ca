package com.smsverifyo.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Several API keys behind one call for rental creation, so N keys give N × their per-minute quota
 * without a scheduler of your own. Each request goes to the key with the most quota left, as the
 * server last reported it in the {@code RateLimit} fields (counting requests still in flight); the
 * pool waits only when every key is exhausted, until the first window resets. Thread-safe: share
 * one pool between all the threads that rent.
 *
 * <p>Money stays safe: a request is moved to another key only after a refusal that guarantees
 * nothing was done ({@code 429}, {@code 401}, {@code 403}; a key refused with 401 or 403 leaves the
 * pool). After a network error or a 5xx the request is retried on the <em>same</em> key with the
 * same Idempotency-Key (idempotency is scoped per key), so it is never charged twice.
 */
public final class KeyPool implements AutoCloseable {
    private final List<Member> members;
    private final OkHttpClient ownedHttp;
    private final Clock clock;
    private final Sleeper sleeper;
    private final int assumedQuota;
    private final Duration maxWait;
    private final Object lock = new Object();
    private int nextStart;

    /** One key and what the pool knows of its quota. Guarded by the pool's lock. */
    private static final class Member {
        final String prefix;
        final SmsVerifyoClient client;
        Integer quota;
        int remaining;
        Instant windowEnd;
        int inFlight;
        long created;
        ApiException refusedBecause;

        Member(String prefix, SmsVerifyoClient client, int assumedQuota) {
            this.prefix = prefix;
            this.client = client;
            this.remaining = assumedQuota;
        }
    }

    /**
     * What the pool knows of one key.
     *
     * @param keyPrefix the key's display prefix ({@code sms_live_AbCd…})
     * @param remaining rentals it may still create in its current window (the pool's estimate)
     * @param windowEnd when that window resets, if known
     * @param inFlight  requests on their way now
     * @param created   rentals the pool created with it
     * @param refused   why the pool stopped using it (a 401 or 403), if it did
     */
    public record KeyStatus(String keyPrefix, int remaining, Optional<Instant> windowEnd, int inFlight, long created,
                            Optional<String> refused) {
    }

    private KeyPool(Builder builder) {
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.assumedQuota = builder.assumedQuota;
        this.maxWait = builder.maxWait;
        this.ownedHttp = builder.http == null ? new OkHttpClient() : null;
        OkHttpClient http = builder.http != null ? builder.http : ownedHttp;
        // A 429 must come back to the pool at once: it reroutes, which is better than any wait.
        RetryPolicy policy = builder.retryPolicy.withRateLimitRetries(0, Duration.ZERO);
        List<Member> list = new ArrayList<>();
        for (String key : builder.keys) {
            SmsVerifyoClient.Builder client = SmsVerifyoClient.builder().baseUrl(builder.baseUrl).apiKey(key)
                    .okHttpClient(http).retryPolicy(policy).sleeper(builder.sleeper).clock(builder.clock);
            list.add(new Member(ApiKeys.mask(key), client.build(), builder.assumedQuota));
        }
        this.members = List.copyOf(list);
    }

    /** @return a builder; the base URL and at least one key are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Rents a number with whichever key has quota left.
     *
     * @param request the rental wanted
     * @return the new rental
     * @throws RateLimitedException if every key stayed exhausted longer than the pool's maximum wait
     */
    public Rental createRental(NewRental request) {
        return createRentalWithResponse(request, RequestOptions.none()).value();
    }

    /**
     * Rents a number with whichever key has quota left, with your own Idempotency-Key.
     *
     * @param request the rental wanted
     * @param options the Idempotency-Key (kept on every attempt, whichever key sends it)
     * @return the new rental with the response's details
     */
    public ApiResponse<Rental> createRentalWithResponse(NewRental request, RequestOptions options) {
        RequestOptions fixed = RequestOptions.idempotencyKey(options.keyOrRandom());
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Member member = reserve(deadline);
            try {
                ApiResponse<Rental> response = member.client.rentals().createWithResponse(request, fixed);
                succeeded(member, response.rateLimit());
                return response;
            } catch (RateLimitedException e) {
                limited(member, e);
            } catch (AuthenticationException | PermissionException e) {
                refused(member, e);
            } catch (RuntimeException e) {
                release(member);
                throw e;
            }
        }
    }

    /** @return what the pool knows of each key, in the order given */
    public List<KeyStatus> status() {
        synchronized (lock) {
            Instant now = clock.instant();
            return members.stream().map(m -> {
                expire(m, now);
                return new KeyStatus(m.prefix, Math.max(0, m.remaining), Optional.ofNullable(m.windowEnd), m.inFlight,
                        m.created, Optional.ofNullable(m.refusedBecause).map(ApiException::code));
            }).toList();
        }
    }

    /** Closes the keys' clients (and the HTTP client, unless you passed one in). */
    @Override
    public void close() {
        members.forEach(m -> m.client.close());
        if (ownedHttp != null) {
            ownedHttp.dispatcher().executorService().shutdown();
            ownedHttp.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "KeyPool" + members.stream().map(m -> m.prefix).toList();
    }

    /** Picks the key with the most quota left and counts the request against it; waits if none has any. */
    private Member reserve(long deadline) {
        while (true) {
            Duration sleep;
            synchronized (lock) {
                Instant now = clock.instant();
                Member best = null;
                int usable = 0;
                for (int i = 0; i < members.size(); i++) {
                    Member m = members.get((nextStart + i) % members.size());
                    if (m.refusedBecause != null) {
                        continue;
                    }
                    usable++;
                    expire(m, now);
                    if (m.remaining > 0 && (best == null || m.remaining > best.remaining)) {
                        best = m;
                    }
                }
                if (usable == 0) {
                    throw members.get(0).refusedBecause;
                }
                if (best != null) {
                    nextStart = (members.indexOf(best) + 1) % members.size();
                    best.remaining--;
                    best.inFlight++;
                    return best;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw exhausted();
                }
                Optional<Instant> reset = members.stream().filter(m -> m.refusedBecause == null && m.windowEnd != null)
                        .map(m -> m.windowEnd).min(Instant::compareTo);
                if (reset.isEmpty()) {
                    if (members.stream().anyMatch(m -> m.inFlight > 0)) {
                        // Every key's quota is spoken for by requests in flight: their responses will tell.
                        waitForResponses();
                    } else {
                        // Nothing in flight and no window known: the estimates were only guesses; start afresh.
                        members.forEach(m -> m.remaining = m.quota != null ? m.quota : assumedQuota);
                    }
                    continue;
                }
                sleep = Duration.between(now, reset.get());
            }
            try {
                sleeper.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmsVerifyoException("Interrupted while waiting for a key with quota left", e);
            }
        }
    }

    private void waitForResponses() {
        try {
            lock.wait(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsVerifyoException("Interrupted while waiting for a key with quota left", e);
        }
    }

    /** A window that ended restores the quota (less what is in flight: it may count in the new one). */
    private void expire(Member m, Instant now) {
        if (m.windowEnd != null && !now.isBefore(m.windowEnd)) {
            m.windowEnd = null;
            m.remaining = (m.quota != null ? m.quota : assumedQuota) - m.inFlight;
        }
    }

    private void succeeded(Member m, Optional<RateLimit> rateLimit) {
        synchronized (lock) {
            m.inFlight--;
            m.created++;
            rateLimit.ifPresent(limit -> observe(m, limit));
            lock.notifyAll();
        }
    }

    private void limited(Member m, RateLimitedException e) {
        synchronized (lock) {
            m.inFlight--;
            e.rateLimit().flatMap(RateLimit::quota).ifPresent(q -> m.quota = q);
            // At least a second: a server saying "retry now" must not make the pool spin on one key.
            Duration wait = e.retryAfter().compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : e.retryAfter();
            Instant end = clock.instant().plus(wait);
            m.remaining = 0;
            m.windowEnd = m.windowEnd == null || end.isAfter(m.windowEnd) ? end : m.windowEnd;
            lock.notifyAll();
        }
    }

    private void refused(Member m, ApiException e) {
        synchronized (lock) {
            m.inFlight--;
            m.refusedBecause = e;
            lock.notifyAll();
        }
    }

    private void release(Member m) {
        synchronized (lock) {
            m.inFlight--;
            if (m.windowEnd == null) {
                m.remaining++; // no figures came back; give the guess back rather than starve the key
            }
            lock.notifyAll();
        }
    }

    /**
     * Takes in the server's figures. Within one window the lower of the server's count and the
     * pool's own (which already counts requests in flight) wins; a reset the server reports well
     * after the known one means a new window began.
     */
    private void observe(Member m, RateLimit limit) {
        limit.quota().ifPresent(q -> m.quota = q);
        Instant end = clock.instant().plus(limit.resetIn());
        if (m.windowEnd == null || end.isAfter(m.windowEnd.plusSeconds(2))) {
            m.remaining = limit.remaining() - m.inFlight;
            m.windowEnd = end;
        } else {
            m.remaining = Math.min(m.remaining, limit.remaining());
        }
    }

    private RateLimitedException exhausted() {
        Duration wait = members.stream().filter(m -> m.windowEnd != null)
                .map(m -> Duration.between(clock.instant(), m.windowEnd)).min(Duration::compareTo).orElse(Duration.ofSeconds(1));
        Problem problem = new Problem(429, "rate_limited", "", "Rate limited",
                "Every key of the pool is rate limited, and stayed so longer than the pool waits (" + maxWait + ").",
                List.of(), Map.of());
        return new RateLimitedException(problem, "POST", "/v1/rentals", wait.isNegative() ? Duration.ZERO : wait, null);
    }

    /** Builds a {@link KeyPool}. */
    public static final class Builder {
        private String baseUrl;
        private final List<String> keys = new ArrayList<>();
        private OkHttpClient http;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private int assumedQuota = 60;
        private Duration maxWait = Duration.ofMinutes(5);

        private Builder() {
        }

        /**
         * @param url the server's base URL
         * @return this builder
         */
        public Builder baseUrl(String url) {
            this.baseUrl = Objects.requireNonNull(url, "baseUrl");
            return this;
        }

        /**
         * @param key one more API key with the {@code rentals} scope
         * @return this builder
         */
        public Builder key(String key) {
            keys.add(ApiKeys.check(key));
            return this;
        }

        /**
         * @param list API keys with the {@code rentals} scope
         * @return this builder
         */
        public Builder keys(List<String> list) {
            list.forEach(this::key);
            return this;
        }

        /**
         * @param client an OkHttp client to share (its connection pool serves every key)
         * @return this builder
         */
        public Builder okHttpClient(OkHttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param policy retries of network errors and 5xx (its rate-limit waits are the pool's job)
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param value how the pool waits when every key is exhausted
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * @param value the clock the windows' ends are reckoned on
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param perMinute the quota to assume for a key before the server reported one (default 60)
         * @return this builder
         */
        public Builder assumedQuota(int perMinute) {
            if (perMinute < 1) {
                throw new IllegalArgumentException("assumedQuota must be at least 1");
            }
            this.assumedQuota = perMinute;
            return this;
        }

        /**
         * @param wait the longest one request waits for a key with quota (default 5 minutes)
         * @return this builder
         */
        public Builder maxWait(Duration wait) {
            this.maxWait = Objects.requireNonNull(wait, "wait");
            return this;
        }

        /** @return the pool */
        public KeyPool build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException("at least one key is required");
            }
            return new KeyPool(this);
        }

        @Override
        public String toString() {
            return "KeyPool.Builder[baseUrl=" + baseUrl + ", keys=" + keys.stream().map(ApiKeys::mask).toList() + "]";
        }
    }
}
