package com.smsverifyo.engine;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.smsverifyo.store.NumberRepository;
import com.smsverifyo.store.NumberType;
import com.smsverifyo.store.PoolNumber;
import com.smsverifyo.store.Tx;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The number pool: registering numbers (checked with libphonenumber), listing and counting them. */
public final class NumberService {
    private final Clock clock;
    private final NumberRepository numbers = new NumberRepository();

    public NumberService(Clock clock) {
        this.clock = clock;
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

    public Optional<PoolNumber> find(Tx tx, String phone) {
        return numbers.findByPhone(tx, phone);
    }

    public List<PoolNumber> list(Tx tx, String country, String source, Long afterId, int limit) {
        return numbers.list(tx, country, source, afterId, limit);
    }

    public long countIn(Tx tx, String country) {
        return numbers.countIn(tx, country);
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
