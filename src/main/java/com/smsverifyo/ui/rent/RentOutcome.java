package com.smsverifyo.ui.rent;

import com.smsverifyo.client.Rental;
import java.util.Optional;

/** One rental of a (bulk) rent: the number it got, or why it failed, in words. */
public record RentOutcome(int index, Optional<Rental> rental, Optional<String> problemCode, Optional<String> problem) {

    static RentOutcome rented(int index, Rental rental) {
        return new RentOutcome(index, Optional.of(rental), Optional.empty(), Optional.empty());
    }

    static RentOutcome failed(int index, String code, String words) {
        return new RentOutcome(index, Optional.empty(), Optional.of(code), Optional.of(words));
    }

    public boolean ok() {
        return rental.isPresent();
    }
}
