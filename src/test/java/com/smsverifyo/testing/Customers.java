package com.smsverifyo.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Opens customer accounts (sub-accounts) through the API, as a reseller's staff would. */
public final class Customers {

    /** A customer: its account and two keys of its own. */
    public record Customer(String accountId, String adminKey, String rentalsKey) {
    }

    private Customers() {
    }

    /**
     * Opens a customer with {@code tier}, credits it {@code creditUsd} (if not null) and gives it an
     * admin key and a rentals key, both allowed {@code rateLimit} rentals per minute.
     */
    public static Customer open(TestServer server, String name, String tier, String creditUsd, int rateLimit) {
        TestHttp http = server.http();
        String owner = server.ownerKey();
        TestResponse account = http.post("/v1/accounts", owner, "{\"name\":\"" + name + "\",\"tier\":\"" + tier + "\"}");
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        String id = account.json().path("id").asText();
        if (creditUsd != null) {
            TestResponse credit = http.post("/v1/accounts/" + id + "/credits", owner, "{\"amount_usd\":" + creditUsd + "}");
            assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
        }
        return new Customer(id, key(server, id, name + " admin", "[\"admin\"]", rateLimit),
                key(server, id, name + " bot", "[\"rentals\"]", rateLimit));
    }

    /** A key of the account {@code accountId}, created with the owner's key. */
    public static String key(TestServer server, String accountId, String name, String scopesJson, int rateLimit) {
        TestResponse key = server.http().post("/v1/keys", server.ownerKey(), "{\"name\":\"" + name + "\",\"scopes\":"
                + scopesJson + ",\"account_id\":\"" + accountId + "\",\"rate_limit_per_minute\":" + rateLimit + "}");
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return key.json().path("key").asText();
    }

    /** Rents a number with {@code key}; asserts it was created. */
    public static String rent(TestServer server, String key, String service, String country) {
        TestResponse rental = server.http().post("/v1/rentals", key,
                "{\"service\":\"" + service + "\",\"country\":\"" + country + "\"}");
        assertThat(rental.status()).as(rental.toString()).isEqualTo(201);
        return rental.json().path("id").asText();
    }
}
