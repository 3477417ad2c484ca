package com.smsverifyo.ui.rentals;

import com.smsverifyo.client.Rental;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the search box asks for. A whole phone number with its country code ({@code +1 415 555 0123})
 * or a whole rental id is looked up on the server, through all of history; anything else filters the
 * rentals already loaded, by number, id or code.
 *
 * @param kind  how the search runs
 * @param value the normalized text: E.164 for a phone, the id, or the lower-cased text
 */
public record RentalSearch(Kind kind, String value) {
    /** How a search runs. */
    public enum Kind {
        /** Nothing typed. */
        NONE,
        /** The server's {@code phone} filter. */
        PHONE,
        /** One rental read by id from the server. */
        ID,
        /** A filter over the loaded rows (number, id or code contains the text). */
        TEXT
    }

    public static final RentalSearch NONE = new RentalSearch(Kind.NONE, "");

    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().\\-]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern RENTAL_ID = Pattern.compile("rnt_[0-9A-HJKMNP-TV-Z]{26}");

    /** Reads what a person typed. */
    public static RentalSearch parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return NONE;
        }
        String compact = PHONE_PUNCTUATION.matcher(text).replaceAll("");
        if (E164.matcher(compact).matches()) {
            return new RentalSearch(Kind.PHONE, compact);
        }
        if (RENTAL_ID.matcher(text).matches()) {
            return new RentalSearch(Kind.ID, text);
        }
        return new RentalSearch(Kind.TEXT, text.toLowerCase(Locale.ROOT));
    }

    /** Whether the server does this search (so a change of it means a new load). */
    public boolean onServer() {
        return kind == Kind.PHONE || kind == Kind.ID;
    }

    /** Whether a rental is one this search finds. */
    public boolean matches(Rental rental) {
        return switch (kind) {
            case NONE -> true;
            case PHONE -> value.equals(rental.phoneNumber());
            case ID -> value.equals(rental.id());
            case TEXT -> containsText(rental);
        };
    }

    private boolean containsText(Rental rental) {
        if (rental.id().toLowerCase(Locale.ROOT).contains(value)
                || rental.code().map(code -> code.toLowerCase(Locale.ROOT).contains(value)).orElse(false)) {
            return true;
        }
        // Numbers match on their digits, so "555 01" finds +1 415 555 0123.
        String digits = PHONE_PUNCTUATION.matcher(value).replaceAll("").replaceFirst("^\\+", "");
        return !digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && rental.phoneNumber().contains(digits);
    }
}
