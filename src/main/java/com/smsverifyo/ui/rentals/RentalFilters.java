package com.smsverifyo.ui.rentals;

import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalQuery;
import com.smsverifyo.client.RentalStatus;

/**
 * The filters the server applies to the rentals list (each {@code null} for "any"). Live updates
 * are checked against the same filters, so the table shows what a fresh load would show.
 *
 * @param status  only rentals in this state
 * @param service only this service (its code, such as {@code whatsapp})
 * @param country only this country (ISO alpha-2)
 */
public record RentalFilters(RentalStatus status, String service, String country) {
    /** No filter: every rental of the account. */
    public static final RentalFilters NONE = new RentalFilters(null, null, null);

    public RentalFilters {
        service = blankToNull(service);
        country = blankToNull(country);
    }

    /** Whether a rental passes these filters. */
    public boolean matches(Rental rental) {
        return (status == null || rental.status() == status)
                && (service == null || service.equals(rental.service()))
                && (country == null || country.equals(rental.country()));
    }

    /** The server query of these filters. */
    public RentalQuery query(int pageSize) {
        return RentalQuery.all().status(status).service(service).country(country).pageSize(pageSize);
    }

    public boolean isEmpty() {
        return status == null && service == null && country == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
