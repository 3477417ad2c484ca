package com.smsverifyo.engine;

import java.util.Set;

/** Who is calling: an authenticated API key and the account it belongs to. */
public record Principal(String keyId, String accountId, Set<Scope> scopes, int rateLimitPerMinute,
                        Long dailySpendCapMicros, boolean ownerAccount) {

    public boolean has(Scope scope) {
        // An admin key can do everything a rentals key can.
        return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
    }

    public void require(Scope scope) {
        if (!has(scope)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "This API key lacks the '" + scope.code() + "' scope.");
        }
    }
}
