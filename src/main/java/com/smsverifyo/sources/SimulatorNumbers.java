package com.smsverifyo.sources;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.smsverifyo.engine.Ids;
import com.smsverifyo.engine.NumberService;
import com.smsverifyo.store.NumberRepository;
import com.smsverifyo.store.NumberType;
import com.smsverifyo.store.SourceRecord;
import com.smsverifyo.store.SourceRepository;
import com.smsverifyo.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The simulator's number pool: for each country, numbers that libphonenumber accepts as valid for
 * that country, built from the country's example mobile number by varying its last digits. A third
 * are marked as real mobile-carrier numbers, the rest as virtual lines. They belong to the
 * simulator's source.
 */
public final class SimulatorNumbers {
    public static final String SOURCE = "simulator";
    public static final String SOURCE_NAME = "Simulator (demo)";
    public static final int DEFAULT_PER_COUNTRY = 240;

    private SimulatorNumbers() {
    }

    /** Adds {@code perCountry} numbers for each country to the simulator's source (made if needed). */
    public static int seed(Tx tx, Clock clock, List<String> countries, int perCountry) {
        String sourceId = source(tx, clock);
        NumberRepository numbers = new NumberRepository();
        NumberRepository.Origin origin = new NumberRepository.Origin(SOURCE, sourceId, null, null);
        int added = 0;
        for (String country : countries) {
            List<String> generated = generate(country, perCountry);
            for (int i = 0; i < generated.size(); i++) {
                NumberType type = i % 3 == 0 ? NumberType.MOBILE : NumberType.VOIP;
                numbers.insert(tx, generated.get(i), country, type, origin, clock.instant());
                added++;
            }
        }
        return added;
    }

    /**
     * Numbers the simulator made before sources existed join the simulator's source, so a data
     * directory keeps its demo pool. Returns how many joined.
     */
    public static int adopt(Tx tx, Clock clock) {
        NumberRepository numbers = new NumberRepository();
        if (numbers.list(tx, null, SOURCE, null, 1).stream().allMatch(n -> n.sourceId() != null)) {
            return 0;
        }
        return numbers.adopt(tx, SOURCE, source(tx, clock));
    }

    /** The simulator's source: the first one, made (enabled, no settings) if there is none. */
    static String source(Tx tx, Clock clock) {
        SourceRepository sources = new SourceRepository();
        return sources.firstOfType(tx, SimulatorSourceType.TYPE).map(SourceRecord::id).orElseGet(() -> {
            Instant now = clock.instant();
            SourceRecord made = new SourceRecord(new Ids(clock).next("src"), SimulatorSourceType.TYPE, SOURCE_NAME,
                    true, "{}", now, now);
            sources.insert(tx, made);
            return made.id();
        });
    }

    /** {@code count} distinct valid E.164 numbers of {@code country}. */
    static List<String> generate(String country, int count) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumber example = util.getExampleNumberForType(country, PhoneNumberType.MOBILE);
        if (example == null) {
            throw new IllegalArgumentException("libphonenumber has no example mobile number for " + country);
        }
        String national = util.getNationalSignificantNumber(example);
        Set<String> found = new LinkedHashSet<>();
        // Walk the last digits with a stride co-prime to the range, so numbers spread out.
        for (int digits = 4; digits <= Math.min(7, national.length() - 2) && found.size() < count; digits++) {
            int range = (int) Math.pow(10, digits);
            String stem = national.substring(0, national.length() - digits);
            for (int i = 0, value = 1; i < range && found.size() < count; i++, value = (value + 7919) % range) {
                String candidate = "+" + example.getCountryCode() + stem + String.format("%0" + digits + "d", value);
                NumberService.validE164(candidate, country).ifPresent(found::add);
            }
        }
        if (found.size() < count) {
            throw new IllegalStateException("could only make " + found.size() + " valid numbers for " + country);
        }
        return List.copyOf(found);
    }
}
