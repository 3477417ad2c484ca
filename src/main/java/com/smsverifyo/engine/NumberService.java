package com.smsverifyo.engine;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.smsverifyo.store.NumberRepository;
import com.smsverifyo.store.NumberType;
import com.smsverifyo.store.PoolNumber;
import com.smsverifyo.store.SourceRecord;
import com.smsverifyo.store.SourceRepository;
import com.smsverifyo.store.Tx;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The number pool: registering numbers (checked with libphonenumber), the SIM numbers of sources
 * and where each SIM sits, listing, deleting, and finding the number a source's SIM is.
 */
public final class NumberService {
    public static final int MAX_DEVICE_ID = 200;
    public static final int MAX_SIM_NUMBER = 16;

    /**
     * A SIM number of a source to add to the pool.
     *
     * @param deviceId  the Android device id, or the modem's port, the SIM sits in (optional)
     * @param simNumber the SIM slot on that device, 1 and up (optional)
     */
    public record NewNumber(String phoneNumber, String country, NumberType type, String sourceId, String deviceId,
                            Integer simNumber) {
    }

    private final Clock clock;
    private final SourceRegistry sources;
    private final NumberRepository numbers = new NumberRepository();
    private final SourceRepository sourceRecords = new SourceRepository();

    public NumberService(Clock clock) {
        this(clock, null);
    }

    public NumberService(Clock clock, SourceRegistry sources) {
        this.clock = clock;
        this.sources = sources;
    }

    /**
     * Adds a number to the pool. The number must be valid for {@code country} and is stored in E.164.
     *
     * @throws DomainException {@code invalid_request} for a number that is not valid there,
     *                         {@code conflict} for one already in the pool
     */
    public PoolNumber register(Tx tx, String phone, String country, NumberType type, String source) {
        String e164 = validE164(phone, country).orElseThrow(() -> DomainException.invalid("phone_number",
                "'" + phone + "' is not a valid phone number of " + country + "."));
        if (numbers.findByPhone(tx, e164).isPresent()) {
            throw new DomainException(ErrorCode.CONFLICT, e164 + " is already in the pool.");
        }
        long id = numbers.insert(tx, e164, country, type, source, clock.instant());
        return new PoolNumber(id, e164, country, type, source, true, clock.instant());
    }

    /**
     * Registers the SIM number of a source (owner's admin keys). A number deleted before comes back
     * with its history, and stays out of the services that refused it.
     */
    public PoolNumber register(Tx tx, Principal principal, NewNumber request) {
        SourceRegistry.requireOwnerAdmin(principal);
        SourceRecord source = sourceRecords.find(tx, request.sourceId())
                .orElseThrow(() -> DomainException.notFound("Source " + request.sourceId()));
        SourceType type = Objects.requireNonNull(sources, "no source registry").type(source.type())
                .orElseThrow(() -> DomainException.invalid("source_id",
                        "This server does not offer '" + source.type() + "' sources."));
        if (!type.takesNumbers()) {
            throw DomainException.invalid("source_id", "A '" + source.type()
                    + "' source rents its numbers itself; register numbers to a SIM source (android-gateway or modem).");
        }
        String e164 = validE164(request.phoneNumber(), request.country()).orElseThrow(() -> DomainException.invalid(
                "phone_number", "'" + request.phoneNumber() + "' is not a valid phone number of " + request.country() + "."));
        type.checkNumber(SourceRegistry.settings(source), request.deviceId(), request.simNumber());
        if (numbers.findByPhone(tx, e164).isPresent()) {
            throw new DomainException(ErrorCode.CONFLICT, e164 + " is already in the pool.");
        }
        if (request.simNumber() != null && numbers.ofSource(tx, source.id(), request.deviceId()).stream()
                .anyMatch(n -> request.simNumber().equals(n.simNumber()))) {
            throw new DomainException(ErrorCode.CONFLICT, "SIM " + request.simNumber()
                    + (request.deviceId() == null ? "" : " of device " + request.deviceId())
                    + " already has a number on this source; delete that one first.");
        }
        NumberRepository.Origin origin = new NumberRepository.Origin(source.type(), source.id(), request.deviceId(),
                request.simNumber());
        Optional<PoolNumber> deleted = numbers.findDeleted(tx, e164);
        long id;
        if (deleted.isPresent()) {
            id = deleted.get().id();
            numbers.revive(tx, id, request.country(), request.type(), origin);
        } else {
            id = numbers.insert(tx, e164, request.country(), request.type(), origin, clock.instant());
        }
        return numbers.find(tx, id).orElseThrow();
    }

    /**
     * Takes a number out of the pool (owner's admin keys). Refused while a rental is open on it; its
     * past rentals and messages stay.
     */
    public PoolNumber delete(Tx tx, Principal principal, String phone) {
        SourceRegistry.requireOwnerAdmin(principal);
        PoolNumber number = InboundMessageService.normalize(phone).flatMap(e164 -> numbers.findByPhone(tx, e164))
                .orElseThrow(() -> DomainException.notFound("Number " + phone));
        List<String> open = numbers.leasedRentals(tx, number.id());
        if (!open.isEmpty()) {
            throw new DomainException(ErrorCode.CONFLICT, number.phoneNumber() + " has an open rental (" + open.get(0)
                    + "); it can be deleted once that rental has ended.").with("rental_id", open.get(0));
        }
        numbers.delete(tx, number.id(), clock.instant());
        return number;
    }

    public Optional<PoolNumber> find(Tx tx, String phone) {
        return numbers.findByPhone(tx, phone);
    }

    public List<PoolNumber> list(Tx tx, String country, String source, Long afterId, int limit) {
        return numbers.list(tx, country, source, afterId, limit);
    }

    /** The pool as the owner sees it, optionally of one country or source, by id. */
    public List<PoolNumber> list(Tx tx, Principal principal, String country, String sourceId, Long afterId, int limit) {
        SourceRegistry.requireOwnerAdmin(principal);
        return numbers.list(tx, country, null, sourceId, afterId, limit);
    }

    public long countIn(Tx tx, String country) {
        return numbers.countIn(tx, country);
    }

    /** Whether the pool would hand this number out now (enabled, its source enabled). */
    public boolean rentable(Tx tx, PoolNumber number) {
        return numbers.rentable(tx, number.id());
    }

    /**
     * The pool number a source's SIM is, for a delivery that does not say which number it went to:
     * the number registered at that device and SIM slot; else the only number of that device (or of
     * the source, when no number names a device); else none, rather than a guess.
     */
    public Optional<PoolNumber> ofSim(Tx tx, String sourceId, String deviceId, Integer simNumber) {
        List<PoolNumber> candidates = deviceId == null ? List.of() : numbers.ofSource(tx, sourceId, deviceId);
        if (candidates.isEmpty()) {
            candidates = numbers.ofSource(tx, sourceId, null).stream()
                    .filter(n -> deviceId == null || n.deviceId() == null).toList();
        }
        List<PoolNumber> exact = candidates.stream().filter(n -> Objects.equals(n.simNumber(), simNumber)).toList();
        if (exact.size() == 1) {
            return Optional.of(exact.get(0));
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** The E.164 form of {@code phone} when it is a valid number of {@code country}. */
    public static Optional<String> validE164(String phone, String country) {
        if (phone == null || country == null) {
            return Optional.empty();
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            PhoneNumber parsed = util.parse(phone, country);
            if (!util.isValidNumberForRegion(parsed, country)) {
                return Optional.empty();
            }
            return Optional.of(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
