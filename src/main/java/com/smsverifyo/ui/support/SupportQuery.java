package com.smsverifyo.ui.support;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.smsverifyo.ui.common.Formats;
import java.util.regex.Pattern;

/**
 * What a support agent typed, understood: a rental id, a phone number, a code, a key (by its display
 * prefix or its id) or a customer's name. Reading it is local and instant, so the page can say what it
 * understood while the agent types.
 *
 * <p>A whole API key pasted into the box is never kept: only its display prefix
 * ({@code sms_live_} and four characters) is, which is all a search needs.
 *
 * @param kind  what it is
 * @param value the normalized value: the id, E.164 ({@code +12015550123}), the code's digits, the key
 *              prefix without its ellipsis, or the name as typed
 */
public record SupportQuery(Kind kind, String value) {

    /** What the text is. */
    public enum Kind {
        /** Nothing typed. */
        EMPTY,
        /** A rental id, {@code rnt_…}. */
        RENTAL_ID,
        /** A phone number (E.164 once spaces, dashes, dots and brackets are gone; the {@code +} optional for 8–15 digits). */
        PHONE,
        /** A code: 3 to 7 digits. */
        CODE,
        /** Exactly 8 digits: a code or a phone number without its {@code +}; both are searched. */
        CODE_OR_PHONE,
        /** The start of a key's display prefix, {@code sms_live_AbCd}. */
        KEY_PREFIX,
        /** A key id, {@code key_…}. */
        KEY_ID,
        /** Anything else: a customer's name (or part of it), or an account id. */
        CUSTOMER,
        /** Something that starts like one of the above but cannot be one; {@link #value} says why. */
        UNCLEAR
    }

    /** The display prefix's length: {@code sms_live_} and four characters. */
    static final int KEY_PREFIX_LENGTH = "sms_live_".length() + 4;
    private static final String KEY_START = "sms_live_";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PLUS_DIGITS = Pattern.compile("\\+\\d+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]+");

    public static final SupportQuery EMPTY = new SupportQuery(Kind.EMPTY, "");

    /** Reads what was typed. */
    public static SupportQuery parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return EMPTY;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("rnt_") && ID.matcher(text.substring(4)).matches()) {
            return new SupportQuery(Kind.RENTAL_ID, text);
        }
        if (lower.startsWith("key_") && ID.matcher(text.substring(4)).matches()) {
            return new SupportQuery(Kind.KEY_ID, text);
        }
        if (lower.startsWith(KEY_START)) {
            return keyPrefix(text);
        }
        String compact = SEPARATORS.matcher(text).replaceAll("");
        if (PLUS_DIGITS.matcher(compact).matches()) {
            int digits = compact.length() - 1;
            return digits >= 8 && digits <= 15 ? phone(compact)
                    : new SupportQuery(Kind.UNCLEAR, "A phone number has 8 to 15 digits with its country code, such as +1 201 555 0123.");
        }
        if (DIGITS.matcher(compact).matches()) {
            int digits = compact.length();
            if (digits >= 3 && digits <= 7) {
                return new SupportQuery(Kind.CODE, compact);
            }
            if (digits == 8) {
                return new SupportQuery(Kind.CODE_OR_PHONE, compact);
            }
            if (digits > 8 && digits <= 15) {
                return phone("+" + compact);
            }
            return new SupportQuery(Kind.UNCLEAR, digits < 3
                    ? "Codes have at least 3 digits." : "A phone number has at most 15 digits.");
        }
        return new SupportQuery(Kind.CUSTOMER, text);
    }

    /** The phone number to search for: the value, or for 8 digits the value with a {@code +}. */
    public String phone() {
        return kind == Kind.CODE_OR_PHONE ? e164("+" + value) : value;
    }

    /** What the page understood, in a few words: {@code Phone number +1 201-555-0123}. */
    public String describe() {
        return switch (kind) {
            case EMPTY -> "";
            case RENTAL_ID -> "Rental " + value;
            case PHONE -> "Phone number " + Formats.phone(value);
            case CODE -> "Code " + value;
            case CODE_OR_PHONE -> "Code " + value + " or phone number " + Formats.phone(phone());
            case KEY_PREFIX -> "Key " + value + "…";
            case KEY_ID -> "Key " + value;
            case CUSTOMER -> "Customer “" + value + "”";
            case UNCLEAR -> value;
        };
    }

    private static SupportQuery keyPrefix(String text) {
        String stem = text.replaceAll("(…|\\.\\.\\.)$", "");
        if (stem.length() <= KEY_START.length()) {
            return new SupportQuery(Kind.UNCLEAR, "Type the characters after sms_live_, as the key list shows them.");
        }
        // A whole key may have been pasted: keep no more of it than the display prefix.
        String kept = KEY_START + stem.substring(KEY_START.length(), Math.min(stem.length(), KEY_PREFIX_LENGTH));
        return new SupportQuery(Kind.KEY_PREFIX, kept);
    }

    private static SupportQuery phone(String plusDigits) {
        return new SupportQuery(Kind.PHONE, e164(plusDigits));
    }

    private static String e164(String plusDigits) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.format(util.parse(plusDigits, "ZZ"), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return plusDigits;
        }
    }

    /** Whether a key's display prefix ({@code sms_live_AbCd…}) is one this prefix query finds. */
    public boolean matchesKeyPrefix(String displayPrefix) {
        if (kind != Kind.KEY_PREFIX || displayPrefix == null) {
            return false;
        }
        String stem = displayPrefix.replaceAll("(…|\\.\\.\\.)$", "");
        return stem.startsWith(value);
    }
}
