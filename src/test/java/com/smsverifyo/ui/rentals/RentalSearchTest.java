package com.smsverifyo.ui.rentals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the search box sends to the server, and what it filters here. */
class RentalSearchTest {

    @Test
    void wholeNumbersWithTheirCountryCodeAndWholeIdsGoToTheServer() {
        assertThat(RentalSearch.parse(" +1 (415) 555-0123 ")).isEqualTo(new RentalSearch(RentalSearch.Kind.PHONE, "+14155550123"));
        assertThat(RentalSearch.parse("+44 7400.123456").kind()).isEqualTo(RentalSearch.Kind.PHONE);
        assertThat(RentalSearch.parse("rnt_01M8K8WZPHD2FP18PJ3T5P25KN"))
                .isEqualTo(new RentalSearch(RentalSearch.Kind.ID, "rnt_01M8K8WZPHD2FP18PJ3T5P25KN"));
        assertThat(RentalSearch.parse("+1 415").kind()).isEqualTo(RentalSearch.Kind.TEXT);
        assertThat(RentalSearch.parse("4155550123").kind()).isEqualTo(RentalSearch.Kind.TEXT);
        assertThat(RentalSearch.parse("rnt_01M8").kind()).isEqualTo(RentalSearch.Kind.TEXT);
        assertThat(RentalSearch.parse("   ")).isEqualTo(RentalSearch.NONE);
        assertThat(RentalSearch.parse("482913").onServer()).isFalse();
    }
}
