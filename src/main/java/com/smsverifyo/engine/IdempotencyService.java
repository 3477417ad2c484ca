package com.smsverifyo.engine;

import com.smsverifyo.store.Database;
import com.smsverifyo.store.IdempotencyRepository;
import com.smsverifyo.store.StoredResponse;
import com.smsverifyo.store.TxWork;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idempotent requests: per API key and {@code Idempotency-Key}, for 24 hours, the first response
 * whose work began is kept, in the same transaction as the work, and replayed byte for byte. While
 * the first request runs, a second one with the same key is told to retry later (nothing stored); a
 * different method, path or body under the same key is refused.
 */
public final class IdempotencyService {
    public static final Duration WINDOW = Duration.ofHours(24);

    /** An idempotent request: who, which key, and what it asked (the body as a SHA-256). */
    public record Request(String keyId, String idempotencyKey, String method, String path, byte[] fingerprint) {
        String claim() {
            return keyId + '\u0000' + idempotencyKey;
        }

        /** What the database holds instead of the client's key. */
        String storedKey() {
            return HexFormat.of().formatHex(sha256(("idem:" + keyId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A response as it is sent and kept. */
    public record Reply(int status, String contentType, String location, byte[] body, boolean replayed) {
        public Reply(int status, String contentType, String location, byte[] body) {
            this(status, contentType, location, body, false);
        }
    }

    /** Renders the outcome of the work, inside its transaction, so that what is kept is what is sent. */
    public interface Renderer<T> {
        Reply success(T value);

        Reply failure(DomainException refusal);

        /** Whether a success reply carries a secret and must be kept sealed. */
        default boolean sealed() {
            return false;
        }
    }

    private final Database db;
    private final Clock clock;
    private final IdempotencyRepository responses = new IdempotencyRepository();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public IdempotencyService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Claims the request. Returns the kept reply to replay, if there is one (no claim is then held);
     * otherwise the caller holds the claim and must end it with {@link #run} or {@link #release}.
     */
    public Optional<Reply> begin(Request request) {
        if (!inFlight.add(request.claim())) {
            throw new DomainException(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                    "A request with this Idempotency-Key is still running; retry it in a moment.");
        }
        try {
            Optional<StoredResponse> kept = db.read(tx -> responses.find(tx, request.keyId(), request.storedKey(),
                    clock.instant().minus(WINDOW)));
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            release(request);
            StoredResponse stored = kept.get();
            if (!stored.method().equals(request.method()) || !stored.path().equals(request.path())
                    || !MessageDigest.isEqual(stored.fingerprint(), request.fingerprint())) {
                throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used for a different request (" + stored.method() + " "
                                + stored.path() + " with another body); use a new key for a new request.");
            }
            byte[] body = stored.sealed() ? Seal.open(request, stored.body()) : stored.body();
            return Optional.of(new Reply(stored.status(), stored.contentType(), stored.location(), body, true));
        } catch (RuntimeException e) {
            release(request);
            throw e;
        }
    }

    /**
     * Runs the claimed request's work and keeps its reply in the same transaction. A refusal whose
     * work began (404, 402, 409, 422…) is kept too; any other failure rolls everything back, keeps
     * nothing and propagates, so the client can retry with the same key.
     */
    public <T> Reply run(Request request, TxWork<T> work, Renderer<T> renderer) {
        try {
            return db.write(tx -> {
                Reply reply;
                boolean sealed = false;
                try {
                    reply = renderer.success(tx.attempt(work));
                    sealed = renderer.sealed();
                } catch (DomainException refusal) {
                    if (!refusal.code().replayable()) {
                        throw refusal;
                    }
                    reply = renderer.failure(refusal);
                }
                byte[] kept = sealed ? Seal.close(request, reply.body()) : reply.body();
                responses.save(tx, new StoredResponse(request.keyId(), request.storedKey(), request.method(),
                        request.path(), request.fingerprint(), reply.status(), reply.contentType(), reply.location(),
                        kept, sealed, clock.instant()));
                return reply;
            });
        } finally {
            release(request);
        }
    }

    public void release(Request request) {
        inFlight.remove(request.claim());
    }

    /** Forgets replies older than the window (housekeeping). */
    public int purgeExpired() {
        return db.write(tx -> responses.deleteOlderThan(tx, clock.instant().minus(WINDOW), 10_000));
    }

    public static byte[] fingerprint(byte[] body) {
        return sha256(body);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * AES-GCM under a key derived from the client's Idempotency-Key (which the database never holds):
     * only a retry that presents the same key can read the kept reply back.
     */
    private static final class Seal {
        private static final SecureRandom RANDOM = new SecureRandom();

        static byte[] close(Request request, byte[] plain) {
            try {
                byte[] iv = new byte[12];
                RANDOM.nextBytes(iv);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key(request), new GCMParameterSpec(128, iv));
                byte[] sealed = cipher.doFinal(plain);
                byte[] out = new byte[iv.length + sealed.length];
                System.arraycopy(iv, 0, out, 0, iv.length);
                System.arraycopy(sealed, 0, out, iv.length, sealed.length);
                return out;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
            }
        }

        static byte[] open(Request request, byte[] sealed) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key(request), new GCMParameterSpec(128, sealed, 0, 12));
                return cipher.doFinal(sealed, 12, sealed.length - 12);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("a sealed reply could not be opened", e);
            }
        }

        private static SecretKeySpec key(Request request) {
            byte[] material = sha256(("seal:" + request.keyId() + ":" + request.idempotencyKey())
                    .getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(material, "AES");
        }
    }
}
