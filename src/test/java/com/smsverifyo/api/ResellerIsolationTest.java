package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.Customers;
import com.smsverifyo.testing.Customers.Customer;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two customers of one reseller, each with its own keys: neither sees nor touches anything of the
 * other or of the owner (404, never 403, never data), neither can give itself money or a better
 * tier, and the owner's admin key sees and manages both.
 */
class ResellerIsolationTest {
    private static final String OWNER_NAME = "Acme Wholesale SMS";

    @TempDir
    Path dir;
    TestServer server;
    String owner;
    String ownerAccount;
    Customer alice;
    Customer bob;
    String aliceRental;
    String bobRental;
    String ownerRental;

    @BeforeEach
    void start() {
        server = TestServer.start(dir);
        owner = server.ownerKey();
        ownerAccount = server.http().get("/v1/account", owner).json().path("id").asText();
        assertThat(server.http().patch("/v1/accounts/" + ownerAccount, owner, "{\"name\":\"" + OWNER_NAME + "\"}").status())
                .isEqualTo(200);
        alice = Customers.open(server, "Alice", "retail", "10", 600);
        bob = Customers.open(server, "Bob", "reseller", "10", 600);
        aliceRental = Customers.rent(server, alice.rentalsKey(), "whatsapp", "US");
        bobRental = Customers.rent(server, bob.rentalsKey(), "whatsapp", "US");
        ownerRental = Customers.rent(server, owner, "telegram", "GB");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String keyIdOf(String accountId) {
        return server.http().get("/v1/keys?account=" + accountId, owner).json().path("data").get(0).path("id").asText();
    }

    /** Every endpoint that takes an id or {@code account=}, aimed at {@code target}'s things. */
    private List<Map.Entry<String, TestResponse>> tryEverything(String key, String targetAccount, String targetRental) {
        String targetKey = keyIdOf(targetAccount);
        List<Map.Entry<String, TestResponse>> responses = new ArrayList<>();
        String[][] calls = {
                {"GET", "/v1/rentals/" + targetRental, null},
                {"POST", "/v1/rentals/" + targetRental + "/cancel", ""},
                {"POST", "/v1/rentals/" + targetRental + "/finish", ""},
                {"POST", "/v1/rentals/" + targetRental + "/retry", ""},
                {"POST", "/v1/rentals/" + targetRental + "/report", ""},
                {"GET", "/v1/rentals?account=" + targetAccount, null},
                {"GET", "/v1/keys?account=" + targetAccount, null},
                {"GET", "/v1/keys/" + targetKey, null},
                {"PATCH", "/v1/keys/" + targetKey, "{\"rate_limit_per_minute\": 1, \"name\": \"mine now\"}"},
                {"DELETE", "/v1/keys/" + targetKey, null},
                {"POST", "/v1/keys", "{\"name\":\"spy\",\"scopes\":[\"admin\"],\"account_id\":\"" + targetAccount + "\"}"},
                {"GET", "/v1/accounts/" + targetAccount, null},
                {"PATCH", "/v1/accounts/" + targetAccount, "{\"name\":\"taken\",\"status\":\"suspended\"}"},
                {"POST", "/v1/accounts/" + targetAccount + "/credits", "{\"amount_usd\": -5}"},
                {"POST", "/v1/accounts/" + targetAccount + "/credits", "{\"amount_usd\": 5}"},
                {"GET", "/v1/ledger?account=" + targetAccount, null},
        };
        for (String[] call : calls) {
            responses.add(Map.entry(call[0] + " " + call[1], server.http().send(call[0], call[1], key, call[2], Map.of())));
        }
        for (String path : List.of("/v1/ledger?account=" + targetAccount, "/v1/rentals?account=" + targetAccount)) {
            responses.add(Map.entry("CSV " + path, server.http().send("GET", path, key, null, Map.of("Accept", "text/csv"))));
        }
        return responses;
    }

    private static void assertAllNotFound(List<Map.Entry<String, TestResponse>> responses, String... secrets) {
        for (Map.Entry<String, TestResponse> call : responses) {
            TestResponse response = call.getValue();
            assertThat(response.status()).as(call.getKey() + " → " + response).isEqualTo(404);
            assertThat(response.code()).as(call.getKey()).isEqualTo("not_found");
            for (String secret : secrets) {
                assertThat(response.text()).as(call.getKey()).doesNotContain(secret);
            }
        }
    }

    @Test
    void customersGetNotFoundForEachOthersThings() {
        JsonNode bobBefore = server.http().get("/v1/accounts/" + bob.accountId(), owner).json();
        String bobPhone = server.http().get("/v1/rentals/" + bobRental, owner).json().path("phone_number").asText();

        assertAllNotFound(tryEverything(alice.adminKey(), bob.accountId(), bobRental), "Bob", bobPhone);
        assertAllNotFound(tryEverything(bob.adminKey(), alice.accountId(), aliceRental), "Alice");
        // A rentals key is refused the same way on the rentals it could otherwise use.
        for (String path : List.of("/v1/rentals/" + bobRental, "/v1/rentals?account=" + bob.accountId())) {
            TestResponse response = server.http().get(path, alice.rentalsKey());
            assertThat(response.status()).as(path).isEqualTo(404);
        }
        for (String action : List.of("cancel", "finish", "retry", "report")) {
            assertThat(server.http().post("/v1/rentals/" + bobRental + "/" + action, alice.rentalsKey(), "").status())
                    .as(action).isEqualTo(404);
        }

        // Nothing of Bob's changed, and Bob's things still work for Bob.
        JsonNode bobAfter = server.http().get("/v1/accounts/" + bob.accountId(), owner).json();
        assertThat(bobAfter).isEqualTo(bobBefore);
        assertThat(server.http().get("/v1/rentals/" + bobRental, bob.rentalsKey()).json().path("status").asText())
                .isEqualTo("waiting");
        assertThat(server.http().get("/v1/keys/" + keyIdOf(bob.accountId()), bob.adminKey()).json().path("status").asText())
                .isEqualTo("active");
        assertThat(server.http().get("/v1/ledger", bob.adminKey()).json().path("data")).hasSize(2);
    }

    @Test
    void customersSeeNothingOfTheOwner() {
        assertAllNotFound(tryEverything(alice.adminKey(), ownerAccount, ownerRental), OWNER_NAME);

        // White label: the customer's own views never show the owner's id or name.
        List<TestResponse> views = new ArrayList<>();
        for (String path : List.of("/v1/account", "/v1/accounts", "/v1/accounts/" + alice.accountId(), "/v1/keys",
                "/v1/ledger", "/v1/rentals", "/v1/rentals/" + aliceRental, "/v1/services")) {
            TestResponse view = server.http().get(path, alice.adminKey());
            assertThat(view.status()).as(path + " " + view).isEqualTo(200);
            views.add(view);
        }
        views.add(server.http().send("GET", "/v1/ledger", alice.adminKey(), null, Map.of("Accept", "text/csv")));
        for (TestResponse view : views) {
            assertThat(view.text()).doesNotContain(ownerAccount).doesNotContain(OWNER_NAME);
        }
        JsonNode account = views.get(0).json();
        assertThat(account.has("parent_id")).isFalse();
        assertThat(account.path("id").asText()).isEqualTo(alice.accountId());
        assertThat(account.path("name").asText()).isEqualTo("Alice");
        assertThat(views.get(1).json().path("data")).isEmpty();
        assertThat(views.get(2).json().has("parent_id")).isFalse();
    }

    @Test
    void aCustomerCannotGiveItselfMoneyATierOrMoreRoom() {
        for (String key : List.of(alice.adminKey(), alice.rentalsKey())) {
            TestResponse credit = server.http().post("/v1/accounts/" + alice.accountId() + "/credits", key, "{\"amount_usd\": 100}");
            assertThat(credit.status()).as(credit.toString()).isEqualTo(403);
        }
        TestResponse tier = server.http().patch("/v1/accounts/" + alice.accountId(), alice.adminKey(), "{\"tier\":\"reseller\"}");
        assertThat(tier.status()).as(tier.toString()).isEqualTo(403);
        TestResponse status = server.http().patch("/v1/accounts/" + alice.accountId(), alice.adminKey(), "{\"status\":\"active\"}");
        assertThat(status.status()).isEqualTo(403);
        // A sub-account of its own would be money nobody paid for: customers do not open accounts.
        TestResponse child = server.http().post("/v1/accounts", alice.adminKey(), "{\"name\":\"Alice's friend\"}");
        assertThat(child.status()).as(child.toString()).isEqualTo(403);
        assertThat(server.http().get("/v1/catalog", alice.adminKey()).status()).isEqualTo(403);
        // Renaming itself is fine.
        assertThat(server.http().patch("/v1/accounts/" + alice.accountId(), alice.adminKey(), "{\"name\":\"Alice Ltd\"}")
                .json().path("name").asText()).isEqualTo("Alice Ltd");

        // Higher rate limits come from the provider ("contact support"); lower ones are the customer's call.
        TestResponse greedy = server.http().post("/v1/keys", alice.adminKey(),
                "{\"name\":\"fast\",\"scopes\":[\"rentals\"],\"rate_limit_per_minute\":61}");
        assertThat(greedy.status()).as(greedy.toString()).isEqualTo(403);
        assertThat(greedy.json().path("detail").asText()).contains("contact support");
        String own = keyIdOf(alice.accountId());
        assertThat(server.http().patch("/v1/keys/" + own, alice.adminKey(), "{\"rate_limit_per_minute\": 601}").status())
                .isEqualTo(403);
        assertThat(server.http().patch("/v1/keys/" + own, alice.adminKey(), "{\"rate_limit_per_minute\": 300, "
                + "\"daily_spend_cap_usd\": 2}").json().path("rate_limit_per_minute").asInt()).isEqualTo(300);
        assertThat(server.http().patch("/v1/keys/" + own, alice.adminKey(), "{\"rate_limit_per_minute\": 600}").status())
                .isEqualTo(403);
        assertThat(server.http().patch("/v1/keys/" + own, owner, "{\"rate_limit_per_minute\": 5000}")
                .json().path("rate_limit_per_minute").asInt()).isEqualTo(5000);

        JsonNode after = server.http().get("/v1/account", alice.adminKey()).json();
        assertThat(after.path("tier").asText()).isEqualTo("retail");
        assertThat(after.path("balance_usd").decimalValue()).isEqualByComparingTo("9.55");
    }

    @Test
    void theOwnersAdminKeySeesAndManagesEveryCustomer() {
        JsonNode customers = server.http().get("/v1/accounts", owner).json().path("data");
        assertThat(customers).hasSize(2);
        assertThat(customers.get(0).path("id").asText()).isEqualTo(bob.accountId());
        assertThat(customers.get(0).path("parent_id").asText()).isEqualTo(ownerAccount);
        assertThat(customers.get(1).path("name").asText()).isEqualTo("Alice");

        for (Customer customer : List.of(alice, bob)) {
            String account = customer.accountId();
            assertThat(server.http().get("/v1/accounts/" + account, owner).status()).isEqualTo(200);
            assertThat(server.http().get("/v1/rentals?account=" + account, owner).json().path("data")).hasSize(1);
            assertThat(server.http().get("/v1/keys?account=" + account, owner).json().path("data")).hasSize(2);
            assertThat(server.http().get("/v1/ledger?account=" + account, owner).json().path("data")).hasSize(2);
        }
        assertThat(server.http().get("/v1/rentals/" + aliceRental, owner).json().path("account_id").asText())
                .isEqualTo(alice.accountId());
        TestResponse cancelled = server.http().post("/v1/rentals/" + aliceRental + "/cancel", owner, "");
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(server.http().get("/v1/account", alice.adminKey()).json().path("balance_usd").decimalValue())
                .isEqualByComparingTo("10");
        TestResponse correction = server.http().post("/v1/accounts/" + bob.accountId() + "/credits", owner,
                "{\"amount_usd\": -20, \"note\": \"too much\"}");
        assertThat(correction.status()).isEqualTo(402);
        assertThat(correction.code()).isEqualTo("insufficient_balance");
        assertThat(server.http().post("/v1/accounts/" + bob.accountId() + "/credits", owner, "{\"amount_usd\": -1.5}")
                .json().path("kind").asText()).isEqualTo("adjustment");
        TestResponse huge = server.http().post("/v1/accounts/" + bob.accountId() + "/credits", owner,
                "{\"amount_usd\": 1000000001}");
        assertThat(huge.status()).isEqualTo(400);
    }

    @Test
    void aSuspendedCustomerIsRefusedUntilResumed() {
        TestResponse suspended = server.http().patch("/v1/accounts/" + alice.accountId(), owner, "{\"status\":\"suspended\"}");
        assertThat(suspended.json().path("status").asText()).isEqualTo("suspended");
        for (String key : List.of(alice.adminKey(), alice.rentalsKey())) {
            for (TestResponse refused : List.of(server.http().get("/v1/account", key),
                    server.http().post("/v1/rentals", key, "{\"service\":\"uber\",\"country\":\"US\"}"),
                    server.http().post("/v1/rentals/" + aliceRental + "/cancel", key, ""))) {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
                assertThat(refused.code()).isEqualTo("forbidden");
                assertThat(refused.json().path("detail").asText()).contains("suspended");
            }
        }
        // Others go on; the owner still sees the suspended customer.
        assertThat(server.http().get("/v1/account", bob.rentalsKey()).status()).isEqualTo(200);
        assertThat(server.http().get("/v1/ledger?account=" + alice.accountId(), owner).status()).isEqualTo(200);
        assertThat(server.http().patch("/v1/accounts/" + ownerAccount, owner, "{\"status\":\"suspended\"}").status())
                .isEqualTo(403);

        server.http().patch("/v1/accounts/" + alice.accountId(), owner, "{\"status\":\"active\"}");
        assertThat(server.http().get("/v1/account", alice.rentalsKey()).status()).isEqualTo(200);
        Customers.rent(server, alice.rentalsKey(), "uber", "US");
    }

    @Test
    void theCustomersPageGetsTodaysAndThirtyDaysSpendInTheList() {
        // Alice spent 0.45 today (whatsapp US, retail); Bob 0.36 (reseller pays 80 %). Codes arrive, so
        // these rentals complete rather than expire with a refund when their time is up.
        for (String rental : List.of(aliceRental, bobRental)) {
            String phone = server.http().get("/v1/rentals/" + rental, owner).json().path("phone_number").asText();
            assertThat(server.sms(phone, "WhatsApp", "Your WhatsApp code: 123-456").status()).isEqualTo(202);
        }
        server.clock().advance(Duration.ofDays(3));
        server.engine().expireDue();
        String uber = Customers.rent(server, alice.rentalsKey(), "uber", "US");
        String uberPhone = server.http().get("/v1/rentals/" + uber, owner).json().path("phone_number").asText();
        assertThat(server.sms(uberPhone, "Uber", "Your Uber code: 4321").status()).isEqualTo(202);
        String refunded = Customers.rent(server, alice.rentalsKey(), "google", "US");
        server.http().post("/v1/rentals/" + refunded + "/cancel", alice.rentalsKey(), "");

        JsonNode customers = server.http().get("/v1/accounts", owner).json().path("data");
        JsonNode aliceView = customers.get(1);
        assertThat(aliceView.path("spent_today_usd").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(aliceView.path("spent_30d_usd").decimalValue()).isEqualByComparingTo("0.65");
        assertThat(customers.get(0).path("spent_today_usd").decimalValue()).isEqualByComparingTo("0");
        assertThat(customers.get(0).path("spent_30d_usd").decimalValue()).isEqualByComparingTo("0.36");
        JsonNode own = server.http().get("/v1/account", alice.adminKey()).json();
        assertThat(own.path("spent_30d_usd").decimalValue()).isEqualByComparingTo("0.65");

        // The window is today and the 29 days before it.
        server.clock().advance(Duration.ofDays(27));
        server.engine().expireDue();
        assertThat(server.http().get("/v1/accounts/" + alice.accountId(), owner).json().path("spent_30d_usd").decimalValue())
                .isEqualByComparingTo("0.2");
        assertThat(server.http().get("/v1/accounts/" + bob.accountId(), owner).json().path("spent_30d_usd").decimalValue())
                .isEqualByComparingTo("0");
    }
}
