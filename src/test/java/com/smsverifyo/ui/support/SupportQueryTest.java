package com.smsverifyo.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.ui.support.SupportQuery.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the Support search box understands of what is typed. */
class SupportQueryTest {

    @Test
    void nothingTypedIsNothingToSearch() {
        assertThat(SupportQuery.parse("   ").kind()).isEqualTo(Kind.EMPTY);
        assertThat(SupportQuery.parse(null)).isEqualTo(SupportQuery.EMPTY);
    }

    @Test
    void aRentalIdIsLookedUpAsItIs() {
        SupportQuery query = SupportQuery.parse("  rnt_01JD7ZK3M4Q8R2T6V9W0XYZABC ");
        assertThat(query).isEqualTo(new SupportQuery(Kind.RENTAL_ID, "rnt_01JD7ZK3M4Q8R2T6V9W0XYZABC"));
        assertThat(query.describe()).isEqualTo("Rental rnt_01JD7ZK3M4Q8R2T6V9W0XYZABC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+12015550123", "+1 201-555-0123", "+1 (201) 555.0123", "12015550123", " 1 201 555 0123 "})
    void aPhoneNumberIsE164WhateverItsSpelling(String typed) {
        SupportQuery query = SupportQuery.parse(typed);
        assertThat(query).isEqualTo(new SupportQuery(Kind.PHONE, "+12015550123"));
        assertThat(query.describe()).isEqualTo("Phone number +1 201-555-0123");
    }

    @Test
    void otherCountriesAndLongNumbersArePhonesToo() {
        assertThat(SupportQuery.parse("+44 7700 900123")).isEqualTo(new SupportQuery(Kind.PHONE, "+447700900123"));
        assertThat(SupportQuery.parse("447700900123").value()).isEqualTo("+447700900123");
        assertThat(SupportQuery.parse("+123").kind()).as("too short for a number").isEqualTo(Kind.UNCLEAR);
        assertThat(SupportQuery.parse("+123").describe()).contains("8 to 15 digits");
        assertThat(SupportQuery.parse("1234567890123456").kind()).isEqualTo(Kind.UNCLEAR);
    }

    @Test
    void threeToSevenDigitsAreACodeAsTheSmsWroteIt() {
        assertThat(SupportQuery.parse("482913")).isEqualTo(new SupportQuery(Kind.CODE, "482913"));
        assertThat(SupportQuery.parse("482-913")).isEqualTo(new SupportQuery(Kind.CODE, "482913"));
        assertThat(SupportQuery.parse("123").kind()).isEqualTo(Kind.CODE);
        assertThat(SupportQuery.parse("1234567").kind()).isEqualTo(Kind.CODE);
        assertThat(SupportQuery.parse("12").kind()).isEqualTo(Kind.UNCLEAR);
        assertThat(SupportQuery.parse("482913").describe()).isEqualTo("Code 482913");
    }

    @Test
    void eightDigitsAreACodeOrANumberWithoutItsPlus() {
        SupportQuery query = SupportQuery.parse("3361 2345");
        assertThat(query).isEqualTo(new SupportQuery(Kind.CODE_OR_PHONE, "33612345"));
        assertThat(query.phone()).isEqualTo("+33612345");
        assertThat(query.describe()).startsWith("Code 33612345 or phone number +33");
    }

    @Test
    void aKeyPrefixKeepsNoMoreThanTheDisplayPrefix() {
        assertThat(SupportQuery.parse("sms_live_AbCd…")).isEqualTo(new SupportQuery(Kind.KEY_PREFIX, "sms_live_AbCd"));
        assertThat(SupportQuery.parse("sms_live_AbCd...")).isEqualTo(new SupportQuery(Kind.KEY_PREFIX, "sms_live_AbCd"));
        assertThat(SupportQuery.parse("sms_live_Ab").value()).isEqualTo("sms_live_Ab");
        String wholeKey = "sms_live_AbCdEfGhIjKlMnOpQrStUvWxYz0123abcdef";
        SupportQuery pasted = SupportQuery.parse(wholeKey);
        assertThat(pasted).isEqualTo(new SupportQuery(Kind.KEY_PREFIX, "sms_live_AbCd"));
        assertThat(pasted.toString() + pasted.describe()).doesNotContain("EfGh");
        assertThat(SupportQuery.parse("sms_live_").kind()).isEqualTo(Kind.UNCLEAR);
    }

    @Test
    void aKeyPrefixFindsTheKeysItStarts() {
        SupportQuery query = SupportQuery.parse("sms_live_Ab");
        assertThat(query.matchesKeyPrefix("sms_live_AbCd…")).isTrue();
        assertThat(query.matchesKeyPrefix("sms_live_AxCd…")).isFalse();
        assertThat(SupportQuery.parse("sms_live_AbCd…").matchesKeyPrefix("sms_live_AbCd…")).isTrue();
        assertThat(SupportQuery.parse("482913").matchesKeyPrefix("sms_live_AbCd…")).isFalse();
    }

    @Test
    void aKeyIdAndAnythingElse() {
        assertThat(SupportQuery.parse("key_01JD7ZK3M4Q8R2T6V9W0XYZABC").kind()).isEqualTo(Kind.KEY_ID);
        assertThat(SupportQuery.parse("Acme Corp")).isEqualTo(new SupportQuery(Kind.CUSTOMER, "Acme Corp"));
        assertThat(SupportQuery.parse("Acme Corp").describe()).isEqualTo("Customer “Acme Corp”");
        assertThat(SupportQuery.parse("acc_01JD7ZK3M4Q8R2T6V9W0XYZABC").kind()).isEqualTo(Kind.CUSTOMER);
        assertThat(SupportQuery.parse("G-412157 code").kind()).isEqualTo(Kind.CUSTOMER);
    }
}
