package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.math.BigDecimal;

/** Sets up accounts and keys through the REST API, the way an operator would, for protocol tests. */
final class SmsActivateFixtures {

    /** A customer account with its own key. */
    record Customer(String accountId, String key) {
    }

    private SmsActivateFixtures() {
    }

    /** A customer of the owner with {@code creditUsd} on its balance and a rentals key ({@code keyFields} added). */
    static Customer customer(TestServer server, String creditUsd, String keyFields) {
        TestResponse account = server.http().post("/v1/accounts", server.ownerKey(), "{\"name\":\"Customer\"}");
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        String accountId = account.json().path("id").asText();
        if (new BigDecimal(creditUsd).signum() > 0) {
            TestResponse credit = server.http().post("/v1/accounts/" + accountId + "/credits", server.ownerKey(),
                    "{\"amount_usd\":" + creditUsd + "}");
            assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
        }
        return new Customer(accountId, key(server, accountId, keyFields));
    }

    /** A new rentals key of {@code accountId}, with extra JSON fields such as a rate limit or cap. */
    static String key(TestServer server, String accountId, String keyFields) {
        String extra = keyFields == null || keyFields.isBlank() ? "" : "," + keyFields;
        TestResponse key = server.http().post("/v1/keys", server.ownerKey(),
                "{\"name\":\"tool\",\"scopes\":[\"rentals\"],\"account_id\":\"" + accountId + "\"" + extra + "}");
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return key.json().path("key").asText();
    }

    /** The account's balance as the REST API shows it. */
    static BigDecimal balance(TestServer server, String key) {
        TestResponse account = server.http().get("/v1/account", key);
        assertThat(account.status()).as(account.toString()).isEqualTo(200);
        return account.json().path("balance_usd").decimalValue();
    }
}
