package com.smsverifyo.api;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.ErrorCode;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET|POST /stubs/handler_api.php}: the SMS-Activate protocol, so that tools written for it
 * work unchanged against this server. It lives outside {@code /v1}, so it authenticates here: the
 * key comes as {@code api_key} (query or form) or in an {@code X-ApiKey} header. Every reply, refusals
 * included, is HTTP 200 in the protocol's own words; see docs/sms-activate.md.
 */
final class SmsActivateRoutes {
    static final String PATH = "/stubs/handler_api.php";
    private static final Logger log = LoggerFactory.getLogger(SmsActivateRoutes.class);

    private final Engine engine;
    private final Map<String, Function<SmsActivateRequest, SmsActivateReply>> actions;

    SmsActivateRoutes(Engine engine) {
        this.engine = engine;
        SmsActivateActivations activations = new SmsActivateActivations(engine);
        SmsActivateListings listings = new SmsActivateListings(engine);
        this.actions = Map.ofEntries(
                Map.entry("getBalance", listings::getBalance),
                // There is no cashback here, so the balance with cashback is the balance.
                Map.entry("getBalanceAndCashBack", listings::getBalance),
                Map.entry("getNumber", activations::getNumber),
                Map.entry("getNumberV2", activations::getNumberV2),
                Map.entry("getStatus", activations::getStatus),
                Map.entry("setStatus", activations::setStatus),
                Map.entry("getActiveActivations", activations::getActiveActivations),
                Map.entry("getPrices", listings::getPrices),
                Map.entry("getNumbersStatus", listings::getNumbersStatus),
                Map.entry("getCountries", listings::getCountries),
                Map.entry("getServicesList", listings::getServicesList),
                Map.entry("getServices", listings::getServicesList));
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::handle);
        routes.post(PATH, this::handle);
    }

    private void handle(Context ctx) {
        SmsActivateReply reply;
        try {
            reply = answer(ctx);
        } catch (SmsActivateReply.Refusal refusal) {
            reply = refusal.reply();
        } catch (HttpResponseException transport) {
            throw transport; // an oversized or unreadable body: the HTTP layer's own error
        } catch (RuntimeException failure) {
            // Never the key; the action only when it looks like one (it is caller-supplied text).
            String action = SmsActivateRequest.param(ctx, "action");
            log.error("SMS-Activate action {} failed", action != null && action.matches("[A-Za-z0-9]{1,40}") ? action : "?",
                    failure);
            reply = SmsActivateReply.text(SmsActivateReply.ERROR_SQL);
        }
        reply.write(ctx);
    }

    private SmsActivateReply answer(Context ctx) {
        Principal principal = authenticate(SmsActivateRequest.key(ctx));
        String action = SmsActivateRequest.param(ctx, "action");
        Function<SmsActivateRequest, SmsActivateReply> handler = action == null ? null : actions.get(action);
        if (handler == null) {
            return SmsActivateReply.text(SmsActivateReply.BAD_ACTION);
        }
        return handler.apply(new SmsActivateRequest(ctx, principal));
    }

    /**
     * The key's principal, as for the REST API: a missing, mistyped, unknown or revoked key is
     * {@code BAD_KEY}; a suspended account is {@code ACCOUNT_INACTIVE}, the protocol's word for it.
     */
    private Principal authenticate(String key) {
        if (key == null) {
            throw SmsActivateReply.refuse(SmsActivateReply.BAD_KEY);
        }
        Principal principal;
        try {
            principal = engine.keys().authenticateKey(key);
        } catch (DomainException refused) {
            throw SmsActivateReply.refuse(refused.code() == ErrorCode.FORBIDDEN
                    ? SmsActivateReply.ACCOUNT_INACTIVE : SmsActivateReply.BAD_KEY);
        }
        if (!principal.has(Scope.RENTALS)) {
            throw SmsActivateReply.refuse(SmsActivateReply.BAD_KEY);
        }
        return principal;
    }
}
