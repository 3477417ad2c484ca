package com.smsverifyo.engine;

import com.smsverifyo.store.Account;
import com.smsverifyo.store.AccountRepository;
import com.smsverifyo.store.AccountStatus;
import com.smsverifyo.store.ApiKeyRecord;
import com.smsverifyo.store.ApiKeyRepository;
import com.smsverifyo.store.Database;
import com.smsverifyo.store.Tx;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * API keys: creation (the key is returned once and only its SHA-256 is stored), authentication
 * with a short-lived cache, revocation that takes effect at once, and {@code last_used_at}
 * recorded in the background so that authentication never writes.
 */
public final class ApiKeyService {
    public static final int DEFAULT_RATE_LIMIT = 60;
    private static final Duration CACHE_TTL = Duration.ofSeconds(10);
    /** Why every request of a suspended account is refused. */
    public static final String SUSPENDED_DETAIL = "The account of this API key is suspended; contact your provider.";

    /** A key as just created: the only moment its plaintext exists. */
    public record CreatedKey(ApiKeyRecord record, String plaintext) {
    }

    /** What a caller may ask for when creating a key. */
    public record NewKey(String accountId, String name, Set<Scope> scopes, int rateLimitPerMinute,
                         Long dailySpendCapMicros) {
    }

    private record Cached(ApiKeyRecord key, Account account, Instant loadedAt) {
    }

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final ApiKeyRepository keys = new ApiKeyRepository();
    private final AccountRepository accounts = new AccountRepository();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    public ApiKeyService(Database db, Clock clock, Ids ids) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
    }

    /** Creates a key inside the caller's transaction. */
    public CreatedKey create(Tx tx, NewKey request) {
        validate(request);
        String plaintext = ApiKeyFormat.generate();
        ApiKeyRecord record = new ApiKeyRecord(ids.next("key"), request.accountId(), request.name().strip(),
                ApiKeyFormat.hash(plaintext), ApiKeyFormat.displayPrefix(plaintext), scopeCodes(request.scopes()),
                request.rateLimitPerMinute(), request.dailySpendCapMicros(), clock.instant(), null, null);
        keys.insert(tx, record);
        return new CreatedKey(record, plaintext);
    }

    public CreatedKey create(NewKey request) {
        return db.write(tx -> create(tx, request));
    }

    /**
     * The principal of an {@code Authorization} header value.
     *
     * @throws DomainException {@code unauthenticated} for a missing or malformed header,
     *                         {@code invalid_api_key} for a key that is mistyped, unknown or revoked
     */
    public Principal authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED,
                    "Send your API key as 'Authorization: Bearer sms_live_…'.");
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED,
                    "The Authorization header must use the Bearer scheme: 'Authorization: Bearer sms_live_…'.");
        }
        return authenticateKey(parts[1].strip());
    }

    /** The principal of a bare key (as the SMS-Activate protocol sends it). */
    public Principal authenticateKey(String key) {
        if (!ApiKeyFormat.wellFormed(key)) {
            throw new DomainException(ErrorCode.INVALID_API_KEY,
                    "This is not a valid SMSVerifyo API key (check that it was copied whole).");
        }
        byte[] hash = ApiKeyFormat.hash(key);
        Cached entry = lookup(hash);
        if (entry == null || !MessageDigest.isEqual(entry.key().keyHash(), hash) || entry.key().revoked()) {
            throw new DomainException(ErrorCode.INVALID_API_KEY, "This API key is unknown or has been revoked.");
        }
        if (entry.account().status() == AccountStatus.SUSPENDED) {
            throw new DomainException(ErrorCode.FORBIDDEN, SUSPENDED_DETAIL);
        }
        lastUsed.put(entry.key().id(), clock.instant());
        ApiKeyRecord record = entry.key();
        return new Principal(record.id(), record.accountId(), scopes(record.scopes()), record.rateLimitPerMinute(),
                record.dailySpendCapMicros(), entry.account().isOwner());
    }

    public Optional<ApiKeyRecord> find(Tx tx, String id) {
        return keys.find(tx, id);
    }

    public List<ApiKeyRecord> list(Tx tx, String accountId, String beforeId, int limit) {
        return keys.list(tx, accountId, beforeId, limit);
    }

    /** Revokes the key; it stops working in this process at once. Revoking twice changes nothing. */
    public ApiKeyRecord revoke(Tx tx, String id) {
        keys.revoke(tx, id, clock.instant());
        tx.afterCommit(this::forgetAll);
        return keys.find(tx, id).orElseThrow();
    }

    /**
     * Raising a key's rate limit is the provider's call ("contact support for higher limits"): the
     * owner's admin keys set any limit; a customer's admin key may set its keys' limits up to the
     * default or up to what they already have, never beyond.
     *
     * @param currentLimit the key's limit now ({@link #DEFAULT_RATE_LIMIT} for a key being created)
     */
    public void requireMaySetRateLimit(Principal principal, int currentLimit, int requestedLimit) {
        int ceiling = Math.max(DEFAULT_RATE_LIMIT, currentLimit);
        if (!principal.ownerAccount() && requestedLimit > ceiling) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only your provider can raise this key's rate limit above "
                    + ceiling + " per minute; contact support for higher limits.")
                    .with("rate_limit_per_minute", ceiling);
        }
    }

    public ApiKeyRecord updateLimits(Tx tx, String id, int rateLimitPerMinute, Long dailySpendCapMicros) {
        if (rateLimitPerMinute < 1) {
            throw DomainException.invalid("rate_limit_per_minute", "rate_limit_per_minute must be at least 1.");
        }
        keys.updateLimits(tx, id, rateLimitPerMinute, dailySpendCapMicros);
        tx.afterCommit(this::forgetAll);
        return keys.find(tx, id).orElseThrow();
    }

    public ApiKeyRecord rename(Tx tx, String id, String name) {
        if (name.isBlank() || name.length() > 100) {
            throw DomainException.invalid("name", "name must be 1 to 100 characters.");
        }
        keys.updateName(tx, id, name.strip());
        return keys.find(tx, id).orElseThrow();
    }

    /** Drops cached keys, e.g. after an account was suspended. */
    public void forgetAll() {
        generation.incrementAndGet();
        cache.clear();
    }

    /** Writes the last-use times gathered since the previous flush (called periodically). */
    public void flushLastUsed() {
        if (lastUsed.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = Map.copyOf(lastUsed);
        batch.forEach(lastUsed::remove);
        db.submit(tx -> {
            keys.touch(tx, batch);
            return null;
        });
    }

    private Cached lookup(byte[] hash) {
        String cacheKey = HexFormat.of().formatHex(hash);
        Cached cached = cache.get(cacheKey);
        Instant now = clock.instant();
        if (cached != null && cached.loadedAt().plus(CACHE_TTL).isAfter(now)) {
            return cached;
        }
        // A read that raced with a revocation must not put the stale key back in the cache.
        long generationBefore = generation.get();
        Cached fresh = db.read(tx -> keys.findByHash(tx, hash)
                .flatMap(key -> accounts.find(tx, key.accountId()).map(account -> new Cached(key, account, now)))
                .orElse(null));
        if (fresh != null && generation.get() == generationBefore) {
            cache.put(cacheKey, fresh);
        } else {
            cache.remove(cacheKey);
        }
        return fresh;
    }

    private static void validate(NewKey request) {
        if (request.name() == null || request.name().isBlank()) {
            throw DomainException.invalid("name", "name must not be empty.");
        }
        if (request.name().length() > 100) {
            throw DomainException.invalid("name", "name must be at most 100 characters.");
        }
        if (request.scopes() == null || request.scopes().isEmpty()) {
            throw DomainException.invalid("scopes", "scopes must name at least one of: rentals, admin.");
        }
        if (request.rateLimitPerMinute() < 1 || request.rateLimitPerMinute() > 1_000_000) {
            throw DomainException.invalid("rate_limit_per_minute", "rate_limit_per_minute must be between 1 and 1000000.");
        }
        if (request.dailySpendCapMicros() != null && request.dailySpendCapMicros() < 0) {
            throw DomainException.invalid("daily_spend_cap_usd", "daily_spend_cap_usd must not be negative.");
        }
    }

    static Set<String> scopeCodes(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::code).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static Set<Scope> scopes(Set<String> codes) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String code : codes) {
            Scope.parse(code).ifPresent(scopes::add);
        }
        return scopes;
    }
}
