package com.smsverifyo.sources;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.smsverifyo.engine.NumberService;
import com.smsverifyo.store.NumberType;
import com.smsverifyo.store.Tx;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The simulator's number pool: for each country, numbers that libphonenumber accepts as valid for
 * that country, built from the country's example mobile number by varying its last digits. A third
 * are marked as real mobile-carrier numbers, the rest as virtual lines.
 */
public final class SimulatorNumbers {
    public static final String SOURCE = "simulator";
    public static final int DEFAULT_PER_COUNTRY = 240;

    private SimulatorNumbers() {
    }

    /** Adds {@code perCountry} numbers for each country to the pool. */
    public static int seed(Tx tx, NumberService numbers, List<String> countries, int perCountry) {
        int added = 0;
        for (String country : countries) {
            List<String> generated = generate(country, perCountry);
            for (int i = 0; i < generated.size(); i++) {
                NumberType type = i % 3 == 0 ? NumberType.MOBILE : NumberType.VOIP;
                numbers.register(tx, generated.get(i), country, type, SOURCE);
                added++;
            }
        }
        return added;
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
