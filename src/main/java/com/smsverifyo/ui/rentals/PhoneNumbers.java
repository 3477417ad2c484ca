package com.smsverifyo.ui.rentals;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.LinkedHashMap;
import java.util.Map;

/** Phone numbers as people read them: {@code +1 415-555-0123} for {@code +14155550123}. */
final class PhoneNumbers {
    private static final int REMEMBERED = 4096;
    private static final Map<String, String> DISPLAYED = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    private PhoneNumbers() {
    }

    /** The international form of an E.164 number; the number as given when it cannot be parsed. */
    static String display(String e164) {
        if (e164 == null) {
            return "";
        }
        synchronized (DISPLAYED) {
            return DISPLAYED.computeIfAbsent(e164, PhoneNumbers::format);
        }
    }

    private static String format(String e164) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.format(util.parse(e164, "ZZ"), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }
}
