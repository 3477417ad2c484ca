package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.engine.DemoCatalog;
import com.smsverifyo.store.Carrier;
import com.smsverifyo.store.Country;
import com.smsverifyo.store.Service;
import org.junit.jupiter.api.Test;

/** The protocol's mapping table: complete for the demo catalog, unambiguous both ways, never guessing. */
class SmsActivateCatalogTest {

    @Test
    void everyDemoServiceAndCountryHasAProtocolName() {
        for (Service service : DemoCatalog.services()) {
            assertThat(SmsActivateCatalog.code(service.code())).as(service.code()).isPresent();
        }
        for (Country country : DemoCatalog.countries()) {
            assertThat(SmsActivateCatalog.countryOf(country.code(), Carrier.ANY)).as(country.code()).isPresent();
            assertThat(SmsActivateCatalog.countryOf(country.code(), Carrier.MOBILE)).as(country.code()).isPresent();
        }
    }

    @Test
    void codesAndIdsAreUnique() {
        assertThat(SmsActivateCatalog.services().stream().map(SmsActivateCatalog.ServiceCode::code)).doesNotHaveDuplicates();
        assertThat(SmsActivateCatalog.services().stream().map(SmsActivateCatalog.ServiceCode::service)).doesNotHaveDuplicates();
        assertThat(SmsActivateCatalog.countries().stream().map(SmsActivateCatalog.CountryId::id)).doesNotHaveDuplicates();
    }

    @Test
    void theTwoUsaIdsSplitByCarrier() {
        assertThat(SmsActivateCatalog.country("12").orElseThrow().carrierFor(null)).isEqualTo(Carrier.ANY);
        assertThat(SmsActivateCatalog.country("12").orElseThrow().carrierFor("any")).isEqualTo(Carrier.ANY);
        assertThat(SmsActivateCatalog.country("12").orElseThrow().carrierFor(" Mobile ")).isEqualTo(Carrier.MOBILE);
        assertThat(SmsActivateCatalog.country("187").orElseThrow().carrierFor("any")).isEqualTo(Carrier.MOBILE);
        assertThat(SmsActivateCatalog.countryOf("US", Carrier.ANY).orElseThrow().id()).isEqualTo(12);
        assertThat(SmsActivateCatalog.countryOf("US", Carrier.MOBILE).orElseThrow().id()).isEqualTo(187);
        assertThat(SmsActivateCatalog.countryOf("DE", Carrier.MOBILE).orElseThrow().id()).isEqualTo(43);
    }

    @Test
    void unknownNamesAreNotGuessed() {
        assertThat(SmsActivateCatalog.service("vk")).isEmpty();
        assertThat(SmsActivateCatalog.service("whatsapp")).isEmpty();
        assertThat(SmsActivateCatalog.service(" WA ")).contains("whatsapp");
        assertThat(SmsActivateCatalog.country("2")).isEmpty();
        assertThat(SmsActivateCatalog.country("US")).isEmpty();
        assertThat(SmsActivateCatalog.country("0187")).map(SmsActivateCatalog.CountryId::id).contains(187);
        assertThat(SmsActivateCatalog.countryOf("ES", Carrier.ANY)).isEmpty();
    }
}
