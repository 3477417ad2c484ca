package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smsverifyo.testing.Csv;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog ({@code GET/PUT /v1/catalog}) and the CSV exports of the ledger and the rentals, through
 * the client against a real engine. Each test works on customer accounts of its own.
 */
class CatalogAndExportEngineTest {
    private static final List<String> LEDGER_COLUMNS = List.of("id", "account_id", "kind", "amount_usd", "balance_after_usd",
            "rental_id", "note", "created_at");
    private static final List<String> RENTAL_COLUMNS = List.of("id", "account_id", "service", "country", "carrier",
            "phone_number", "price_usd", "status", "code", "created_at", "expires_at", "received_at", "ended_at", "refunded_usd");

    @TempDir
    static Path dir;
    static EngineFixture engine;

    @BeforeAll
    static void start() {
        engine = new EngineFixture(dir);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void theOwnerReadsTheCatalogAndReplacesItWhole() {
        Catalog demo = engine.owner.catalog().get();
        assertThat(demo.services()).contains(new Catalog.Service("whatsapp", "WhatsApp"));
        assertThat(demo.countries()).extracting(Catalog.Country::country).contains("US", "GB");
        assertThat(demo.tiers()).extracting(Catalog.Tier::name).contains("retail", "reseller");
        assertThat(demo.prices()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo("whatsapp");
            assertThat(p.country()).isEqualTo("US");
        });

        List<Catalog.Service> services = new ArrayList<>(demo.services());
        services.add(new Catalog.Service("acmechat", "AcmeChat"));
        List<Catalog.Price> prices = new ArrayList<>(demo.prices().stream()
                .filter(p -> !(p.service().equals("whatsapp") && p.country().equals("US"))).toList());
        prices.add(new Catalog.Price("whatsapp", "US", new BigDecimal("0.5"), new BigDecimal("0.75")));
        prices.add(new Catalog.Price("acmechat", "US", new BigDecimal("0.33"), new BigDecimal("0.55")));
        List<Catalog.Tier> tiers = new ArrayList<>(demo.tiers());
        tiers.add(new Catalog.Tier("partner", new BigDecimal("12.5")));

        Catalog stored = engine.owner.catalog().put(new Catalog(services, demo.countries(), prices, tiers));

        assertThat(engine.owner.catalog().get()).isEqualTo(stored);
        assertThat(stored.services()).endsWith(new Catalog.Service("acmechat", "AcmeChat"));
        assertThat(stored.tiers()).anySatisfy(t -> {
            assertThat(t.name()).isEqualTo("partner");
            assertThat(t.discountPercent()).isEqualByComparingTo("12.5");
        });
        assertThat(stored.prices()).filteredOn(p -> p.service().equals("acmechat")).singleElement().satisfies(p -> {
            assertThat(p.price()).isEqualByComparingTo("0.33");
            assertThat(p.mobilePrice()).isEqualByComparingTo("0.55");
        });
        // New prices, with the tier's discount, apply to the next rental of a customer on that tier.
        Account partner = engine.owner.accounts().create(new NewAccount("Partner Ltd", "partner"));
        engine.owner.credits().add(partner.id(), new BigDecimal("5"), null);
        String key = engine.owner.keys().create(NewApiKey.of("partner", "rentals").forAccount(partner.id())).secret();
        try (SmsVerifyoClient client = engine.client(key)) {
            assertThat(client.services().list("whatsapp", "US").get(0).countries().get(0).price()).isEqualByComparingTo("0.4375");
            assertThat(client.rentals().create(NewRental.of("whatsapp", "US")).price()).isEqualByComparingTo("0.4375");
        }
    }

    @Test
    void refusedCatalogsChangeNothingAndSayWhy() {
        Catalog before = engine.owner.catalog().get();
        List<Catalog.Service> twice = new ArrayList<>(before.services());
        twice.add(before.services().get(0));
        assertThatThrownBy(() -> engine.owner.catalog().put(new Catalog(twice, before.countries(), before.prices(), before.tiers())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("services/" + before.services().size() + "/code"));

        EngineFixture.Customer customer = engine.customer("Catalog Renter", "5", "rentals", "admin");
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            client.rentals().create(NewRental.of("telegram", "GB"));
            assertThatThrownBy(() -> client.catalog().get()).isInstanceOf(PermissionException.class);
            assertThatThrownBy(() -> client.catalog().put(before)).isInstanceOf(PermissionException.class);
        }
        List<Catalog.Service> withoutTelegram = before.services().stream().filter(s -> !s.service().equals("telegram")).toList();
        List<Catalog.Price> pricesWithoutTelegram = before.prices().stream().filter(p -> !p.service().equals("telegram")).toList();
        assertThatThrownBy(() -> engine.owner.catalog().put(new Catalog(withoutTelegram, before.countries(), pricesWithoutTelegram,
                before.tiers()))).isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("conflict");
                    assertThat(e.extras()).containsKey("conflicts");
                });
        assertThat(engine.owner.catalog().get()).isEqualTo(before);
    }

    @Test
    void theLedgerExportsAsCsvOldestFirstWithTheEntriesOfTheList() {
        EngineFixture.Customer customer = engine.customer("Ledger Export", "10", "rentals");
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            Rental cancelled = client.rentals().create(NewRental.of("telegram", "GB"));
            client.rentals().cancel(cancelled.id());
            client.rentals().create(NewRental.of("telegram", "GB"));
        }
        LedgerQuery query = LedgerQuery.all().account(customer.accountId());
        List<LedgerEntry> listed = new ArrayList<>(engine.owner.ledger().list(query).stream().toList());
        java.util.Collections.reverse(listed); // the list is newest first, the export oldest first

        List<List<String>> rows = exportLedger(query);

        assertThat(rows.get(0)).isEqualTo(LEDGER_COLUMNS);
        assertThat(rows.subList(1, rows.size())).hasSize(4).satisfiesExactly(
                row -> assertThat(row.get(2)).isEqualTo("credit"),
                row -> assertThat(row.get(2)).isEqualTo("charge"),
                row -> assertThat(row.get(2)).isEqualTo("refund"),
                row -> assertThat(row.get(2)).isEqualTo("charge"));
        for (int i = 0; i < listed.size(); i++) {
            LedgerEntry entry = listed.get(i);
            List<String> row = rows.get(i + 1);
            assertThat(row.get(0)).isEqualTo(entry.id());
            assertThat(row.get(1)).isEqualTo(customer.accountId());
            assertThat(new BigDecimal(row.get(3))).isEqualByComparingTo(entry.amount());
            assertThat(new BigDecimal(row.get(4))).isEqualByComparingTo(entry.balanceAfter());
            assertThat(row.get(5)).isEqualTo(entry.rentalId().orElse(""));
            assertThat(Instant.parse(row.get(7))).isEqualTo(entry.createdAt());
        }
        assertThat(exportLedger(query.kind("refund")).subList(1, 2)).singleElement()
                .satisfies(row -> assertThat(row.get(0)).isEqualTo(listed.get(2).id()));
    }

    @Test
    void theRentalsExportAsCsvWithinADateRange() {
        EngineFixture.Customer customer = engine.customer("Rentals Export", "10", "rentals");
        try (SmsVerifyoClient client = engine.client(customer.key())) {
            Rental earlier = client.rentals().create(NewRental.of("discord", "IN"));
            Instant between = engine.server.clock().instant().plus(Duration.ofDays(1));
            engine.server.clock().advance(Duration.ofDays(2));
            Rental later = client.rentals().create(NewRental.of("discord", "IN").mobileOnly());

            List<List<String>> all = exportRentals(client, RentalQuery.all());
            assertThat(all.get(0)).isEqualTo(RENTAL_COLUMNS);
            assertThat(all.subList(1, all.size())).extracting(row -> row.get(0)).containsExactly(earlier.id(), later.id());
            List<String> latest = all.get(2);
            assertThat(latest.get(1)).isEqualTo(customer.accountId());
            assertThat(latest.subList(2, 6)).containsExactly("discord", "IN", "mobile", later.phoneNumber());
            assertThat(new BigDecimal(latest.get(6))).isEqualByComparingTo(later.price());
            assertThat(latest.get(7)).isEqualTo("waiting");
            assertThat(Instant.parse(latest.get(9))).isEqualTo(later.createdAt());

            List<List<String>> range = exportRentals(client, RentalQuery.all().between(between, between.plus(Duration.ofDays(2))));
            assertThat(range.subList(1, range.size())).extracting(row -> row.get(0)).containsExactly(later.id());
        }
    }

    private static List<List<String>> exportLedger(LedgerQuery query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long bytes = engine.owner.ledger().exportCsv(query, out);
        assertThat(bytes).isEqualTo(out.size());
        return Csv.parse(out.toString(StandardCharsets.UTF_8));
    }

    private static List<List<String>> exportRentals(SmsVerifyoClient client, RentalQuery query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long bytes = client.rentals().exportCsv(query, out);
        assertThat(bytes).isEqualTo(out.size());
        return Csv.parse(out.toString(StandardCharsets.UTF_8));
    }
}
