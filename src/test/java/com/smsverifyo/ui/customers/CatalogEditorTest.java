package com.smsverifyo.ui.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.smsverifyo.client.Catalog;
import com.smsverifyo.client.ValidationException;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.testing.TestServer;
import com.smsverifyo.ui.TestSessions;
import com.smsverifyo.ui.common.UiExecutors;
import com.smsverifyo.ui.session.Session;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog editor against a real engine: cells checked as typed, saves, and the server's refusals by row. */
class CatalogEditorTest {
    @TempDir
    Path dir;
    TestServer server;
    Session session;
    List<Catalog> saved;
    CatalogEditor editor;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
        session = TestSessions.open(server, server.ownerKey(), UiExecutors.direct());
        saved = new ArrayList<>();
        editor = new CatalogEditor(session, saved::add);
        editor.load();
    }

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    @Test
    void eachPriceCellIsCheckedAsTypedAndTheWholeCatalogIsSaved() {
        assertThat(editor.prices()).hasSize(120);
        assertThat(editor.canSave().get()).as("nothing changed yet").isFalse();
        PriceRow whatsappUs = row("whatsapp", "US");
        assertThat(whatsappUs.priceProperty().get()).isEqualTo("0.45");
        assertThat(whatsappUs.serviceName()).isEqualTo("WhatsApp");
        assertThat(whatsappUs.countryName()).isEqualTo("United States");

        whatsappUs.priceProperty().set("cheap");
        assertThat(whatsappUs.priceError().get()).isEqualTo("Enter a price such as 0.45 (max 4 decimals).");
        assertThat(whatsappUs.problem().get()).isEqualTo(whatsappUs.priceError().get());
        whatsappUs.mobileProperty().set("-1");
        assertThat(whatsappUs.mobileError().get()).isEqualTo("A price cannot be negative.");
        row("telegram", "GB").mobileProperty().set("20000");
        assertThat(row("telegram", "GB").problem().get()).isEqualTo("At most $10,000.00.");
        assertThat(editor.problems().get()).isEqualTo(2);
        assertThat(editor.canSave().get()).isFalse();

        whatsappUs.priceProperty().set("0.5125");
        whatsappUs.mobileProperty().set("0.80");
        row("telegram", "GB").mobileProperty().set("0.55");
        editor.removePrice(row("google", "RU"));
        assertThat(editor.problems().get()).isZero();
        assertThat(editor.canSave().get()).isTrue();

        editor.save();

        assertThat(editor.saveErrorProperty().get()).isEmpty();
        assertThat(editor.statusProperty().get()).contains("New prices apply to new rentals");
        assertThat(editor.dirty().get()).isFalse();
        assertThat(editor.prices()).hasSize(119);
        assertThat(saved).hasSize(1);
        var stored = server.http().get("/v1/catalog", server.ownerKey()).json().path("prices");
        assertThat(stored).hasSize(119);
        assertThat(stored.toString()).contains("{\"service\":\"whatsapp\",\"country\":\"US\",\"price_usd\":0.5125,\"mobile_price_usd\":0.8}");
        assertThat(stored.toString()).doesNotContain("\"service\":\"google\",\"country\":\"RU\"");
    }

    @Test
    void tiersAreAddedWithTheirDiscountAndCheckedForRepeatsAndRange() {
        TierRow gold = editor.addTier();
        assertThat(gold.problem().get()).isEqualTo("Enter a name, such as gold.");
        gold.nameProperty().set("Gold Plus");
        assertThat(gold.nameError().get()).isEqualTo("Use lower-case letters, digits, _ . - (max 32).");
        gold.nameProperty().set("reseller");
        assertThat(gold.nameError().get()).isEqualTo("Another tier has this name.");
        gold.nameProperty().set("gold");
        gold.discountProperty().set("120");
        assertThat(gold.discountError().get()).isEqualTo("From 0 to 100 percent.");
        gold.discountProperty().set("12.345");
        assertThat(gold.discountError().get()).isEqualTo("At most 2 decimals.");
        gold.discountProperty().set("35.5");
        assertThat(editor.problems().get()).isZero();

        editor.save();

        assertThat(editor.tiers()).extracting(t -> t.nameProperty().get()).containsExactly("retail", "reseller", "gold");
        assertThat(saved.get(0).tiers()).extracting(Catalog.Tier::discountPercent)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(BigDecimal.ZERO, BigDecimal.valueOf(20),
                        new BigDecimal("35.5"));
        Customers.Customer gilded = Customers.open(server, "Gilded", "gold", "1", 60);
        assertThat(gilded.accountId()).startsWith("acc_");
    }

    @Test
    void removingATierThatAccountsAreOnShowsTheConflictNextToIt() {
        Customers.open(server, "Acme QA", "reseller", null, 60);
        TierRow reseller = editor.tiers().get(1);
        editor.removeTier(reseller);
        assertThat(editor.canSave().get()).isTrue();

        editor.save();

        assertThat(reseller.problem().get()).isEqualTo("1 account is on tier 'reseller': move it to another tier before removing it.");
        assertThat(editor.saveErrorProperty().get()).isEqualTo("Nothing was saved: the rows marked below are still in use.");
        assertThat(server.http().get("/v1/catalog", server.ownerKey()).json().path("tiers")).hasSize(2);
        editor.restoreTier(reseller);
        assertThat(reseller.problem().get()).as("restoring clears it").isEmpty();
    }

    @Test
    void theServersFieldErrorsLandOnTheRowsTheirPointersName() {
        Catalog current = session.client().catalog().get();
        List<Catalog.Price> prices = new ArrayList<>(current.prices());
        Catalog.Price fourth = prices.get(3);
        prices.set(3, new Catalog.Price(fourth.service(), fourth.country(), new BigDecimal("-1"), fourth.mobilePrice()));
        List<Catalog.Tier> tiers = List.of(current.tiers().get(0), new Catalog.Tier("reseller", BigDecimal.valueOf(150)));
        Throwable refused = catchThrowable(() -> session.client().catalog().put(
                new Catalog(current.services(), current.countries(), prices, tiers)));
        assertThat(refused).isInstanceOf(ValidationException.class);

        List<TierRow> sentTiers = List.of(editor.tiers().get(0), editor.tiers().get(1));
        editor.showRefusal(refused, editor.prices(), sentTiers);

        assertThat(editor.prices().get(3).problem().get()).contains("prices[3].price_usd");
        assertThat(editor.prices().get(3).priceError().get()).as("the cell turns red").isNotEmpty();
        assertThat(editor.prices().get(2).problem().get()).isEmpty();
        assertThat(editor.tiers().get(1).problem().get()).contains("tiers[1].discount_percent").contains("from 0 to 100");
        assertThat(editor.saveErrorProperty().get()).isEqualTo("The server did not save the catalog: 2 problems are marked "
                + "next to their rows.");
        editor.prices().get(3).priceProperty().set("0.31");
        assertThat(editor.prices().get(3).problem().get()).as("editing the cell clears the server's word").isEmpty();
    }

    private PriceRow row(String service, String country) {
        return editor.prices().stream().filter(r -> r.service().equals(service) && r.country().equals(country))
                .findFirst().orElseThrow();
    }
}
