package com.smsverifyo.api;

import static com.smsverifyo.api.SmsActivateReply.refuse;

import com.smsverifyo.engine.DomainException;
import com.smsverifyo.engine.Engine;
import com.smsverifyo.engine.Money;
import com.smsverifyo.engine.Principal;
import com.smsverifyo.engine.RateLimiter;
import com.smsverifyo.engine.RentalService;
import com.smsverifyo.store.Message;
import com.smsverifyo.store.Rental;
import com.smsverifyo.store.RentalRepository;
import com.smsverifyo.store.RentalStatus;
import com.smsverifyo.store.Tx;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The activation actions of the SMS-Activate protocol — getNumber, getNumberV2, getStatus, setStatus,
 * getActiveActivations — on the same engine operations, money, limits and visibility as the REST API.
 * An activation id is the rental's sequence number, its stable numeric alias.
 */
final class SmsActivateActivations {
    /** ISO 4217 numeric code of the US dollar: every amount here is in USD. */
    static final int CURRENCY_USD = 840;
    private static final int ACTIVE_LIST_LIMIT = 200;

    private final Engine engine;

    SmsActivateActivations(Engine engine) {
        this.engine = engine;
    }

    /** {@code ACCESS_NUMBER:<id>:<phone>}. */
    SmsActivateReply getNumber(SmsActivateRequest request) {
        Rental rental = rent(request);
        return SmsActivateReply.text(SmsActivateReply.ACCESS_NUMBER, rental.seq(), SmsActivateFormat.digits(rental.phoneNumber()));
    }

    /** The same rental as getNumber, described in JSON. */
    SmsActivateReply getNumberV2(SmsActivateRequest request) {
        Rental rental = rent(request);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("activationId", rental.seq());
        json.put("phoneNumber", SmsActivateFormat.digits(rental.phoneNumber()));
        json.put("activationCost", Money.toUsd(rental.priceMicros()));
        json.put("currency", CURRENCY_USD);
        json.put("countryCode", countryCode(rental));
        json.put("canGetAnotherSms", "1");
        json.put("activationTime", SmsActivateFormat.time(rental.createdAt()));
        json.put("activationOperator", rental.carrier().toString());
        return SmsActivateReply.json(json);
    }

    /** Where an activation stands: waiting, waiting again after a retry, code received, or over. */
    SmsActivateReply getStatus(SmsActivateRequest request) {
        long id = activationId(request);
        Rental rental = engine.db().read(tx -> visible(tx, request.principal(), id));
        return SmsActivateReply.text(status(rental));
    }

    static String status(Rental rental) {
        return switch (rental.status()) {
            case WAITING -> rental.everReceived()
                    ? SmsActivateReply.STATUS_WAIT_RETRY + ":" + rental.code()
                    : SmsActivateReply.STATUS_WAIT_CODE;
            case RECEIVED -> SmsActivateReply.STATUS_OK + ":" + rental.code();
            // The protocol has one word for every activation that is over: cancelled, expired or completed.
            case CANCELLED, EXPIRED, COMPLETED -> SmsActivateReply.STATUS_CANCEL;
        };
    }

    /** setStatus 1 (ready), 3 (another SMS), 6 (finish), 8 (cancel). */
    SmsActivateReply setStatus(SmsActivateRequest request) {
        String status = request.param("status");
        if (status == null || !List.of("1", "3", "6", "8").contains(status)) {
            throw refuse(SmsActivateReply.BAD_STATUS);
        }
        long id = activationId(request);
        Principal principal = request.principal();
        String word = engine.db().write(tx -> {
            Rental rental = visible(tx, principal, id);
            return switch (status) {
                case "1" -> ready(rental);
                case "3" -> anotherSms(tx, principal, rental);
                case "6" -> change(() -> engine.rentals().finish(tx, principal, rental.id()), SmsActivateReply.ACCESS_ACTIVATION);
                default -> cancel(tx, principal, rental);
            };
        });
        return SmsActivateReply.text(word);
    }

    /** The caller's own open activations, newest first; {@code NO_ACTIVATIONS} when there are none. */
    SmsActivateReply getActiveActivations(SmsActivateRequest request) {
        Principal principal = request.principal();
        List<Rental> open = engine.db().read(tx -> {
            List<Rental> found = new ArrayList<>();
            for (RentalStatus status : List.of(RentalStatus.WAITING, RentalStatus.RECEIVED)) {
                RentalRepository.Filter filter = new RentalRepository.Filter(List.of(principal.accountId()), status,
                        null, null, null, null, null, null);
                found.addAll(engine.rentals().list(tx, filter, null, ACTIVE_LIST_LIMIT).items());
            }
            return found;
        });
        if (open.isEmpty()) {
            return SmsActivateReply.text(SmsActivateReply.NO_ACTIVATIONS);
        }
        List<Map<String, Object>> activations = open.stream()
                .sorted(Comparator.comparingLong(Rental::seq).reversed())
                .map(SmsActivateActivations::activation).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "success");
        json.put("activeActivations", activations);
        return SmsActivateReply.json(json);
    }

    /**
     * One rental for a getNumber request: the request mapped through the catalog table, the key's
     * rate limit counted, then the very operation of {@code POST /v1/rentals}. Every refusal charges
     * nothing. There is no idempotency here, as on the original: each call rents.
     */
    private Rental rent(SmsActivateRequest request) {
        String service = SmsActivateCatalog.service(request.param("service"))
                .orElseThrow(() -> refuse(SmsActivateReply.BAD_SERVICE));
        SmsActivateCatalog.CountryId country = SmsActivateCatalog.countryOrDefault(request.param("country"))
                .orElseThrow(() -> refuse(SmsActivateReply.BAD_COUNTRY));
        Long maxPrice = SmsActivateFormat.maxPrice(request.param("maxPrice", "max_price")).orElse(null);
        RentalService.NewRental rental = new RentalService.NewRental(service, country.country(),
                country.carrierFor(request.param("operator")), maxPrice);
        Principal principal = request.principal();
        RateLimiter.Decision decision = engine.rateLimiter().acquire(principal.keyId(), principal.rateLimitPerMinute());
        IdempotentWrites.rateLimitHeaders(request.ctx(), decision);
        if (!decision.allowed()) {
            // The protocol has no word for "slow down"; NO_NUMBERS is the refusal every client already
            // retries later. Retry-After says when (see docs/sms-activate.md).
            request.ctx().header("Retry-After", Long.toString(decision.resetSeconds()));
            throw refuse(SmsActivateReply.NO_NUMBERS);
        }
        try {
            return engine.rentals().create(principal, rental);
        } catch (DomainException refused) {
            throw refuse(rentalRefusal(refused));
        }
    }

    /** The protocol's word for the engine's refusal of a rental. */
    static String rentalRefusal(DomainException refused) {
        return switch (refused.code()) {
            case UNKNOWN_SERVICE -> SmsActivateReply.BAD_SERVICE;
            case UNKNOWN_COUNTRY -> SmsActivateReply.BAD_COUNTRY;
            case MAX_PRICE_EXCEEDED -> SmsActivateReply.WRONG_MAX_PRICE + ":"
                    + SmsActivateFormat.amount(Money.fromUsd((BigDecimal) refused.extras().get("price_usd")));
            // A daily spend cap is money this key may not spend today: to a client, not enough balance.
            case INSUFFICIENT_BALANCE, DAILY_SPEND_CAP_REACHED -> SmsActivateReply.NO_BALANCE;
            case NO_NUMBERS_AVAILABLE -> SmsActivateReply.NO_NUMBERS;
            case FORBIDDEN, INVALID_API_KEY, UNAUTHENTICATED -> SmsActivateReply.BAD_KEY;
            default -> throw refused;
        };
    }

    private static String ready(Rental rental) {
        if (!rental.status().open()) {
            throw refuse(SmsActivateReply.BAD_STATUS);
        }
        return SmsActivateReply.ACCESS_READY;
    }

    /** Status 3: ask for another SMS; asking again while already waiting for it changes nothing. */
    private String anotherSms(Tx tx, Principal principal, Rental rental) {
        if (rental.status() == RentalStatus.WAITING && rental.everReceived()) {
            return SmsActivateReply.ACCESS_RETRY_GET;
        }
        return change(() -> engine.rentals().retry(tx, principal, rental.id()), SmsActivateReply.ACCESS_RETRY_GET);
    }

    /**
     * Status 8: cancel with a full refund. Cancelling again, or an activation that expired (already
     * refunded), changes nothing and says so the same way; once a code arrived it is refused.
     */
    private String cancel(Tx tx, Principal principal, Rental rental) {
        if (rental.status() == RentalStatus.EXPIRED) {
            return SmsActivateReply.ACCESS_CANCEL;
        }
        return change(() -> engine.rentals().cancel(tx, principal, rental.id()), SmsActivateReply.ACCESS_CANCEL);
    }

    /** Runs an engine transition; a transition the rental's state does not allow is {@code BAD_STATUS}. */
    private static String change(Runnable transition, String word) {
        try {
            transition.run();
            return word;
        } catch (DomainException refused) {
            throw switch (refused.code()) {
                case RENTAL_NOT_CANCELLABLE, RENTAL_NOT_FINISHABLE, RENTAL_NOT_RETRYABLE -> refuse(SmsActivateReply.BAD_STATUS);
                case NOT_FOUND -> refuse(SmsActivateReply.NO_ACTIVATION);
                default -> refused;
            };
        }
    }

    /** The activation id parameter; anything but a decimal id is an activation that does not exist. */
    private static long activationId(SmsActivateRequest request) {
        String id = request.param("id");
        if (id == null || !id.matches("\\d{1,18}")) {
            throw refuse(SmsActivateReply.NO_ACTIVATION);
        }
        return Long.parseLong(id);
    }

    /** The rental with this alias if the caller may see it; another account's id does not exist here. */
    private Rental visible(Tx tx, Principal principal, long seq) {
        Optional<Rental> rental = engine.rentals().findBySeq(tx, seq);
        if (rental.isEmpty()) {
            throw refuse(SmsActivateReply.NO_ACTIVATION);
        }
        try {
            return engine.rentals().get(tx, principal, rental.get().id());
        } catch (DomainException notVisible) {
            throw refuse(SmsActivateReply.NO_ACTIVATION);
        }
    }

    /** The protocol's country id of a rental (its ISO code if the table has none, e.g. after a catalog edit). */
    static String countryCode(Rental rental) {
        return SmsActivateCatalog.countryOf(rental.country(), rental.carrier())
                .map(c -> Integer.toString(c.id())).orElse(rental.country());
    }

    private static Map<String, Object> activation(Rental rental) {
        List<Message> withCode = rental.messages().stream().filter(m -> m.code() != null && !m.late()).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("activationId", Long.toString(rental.seq()));
        json.put("serviceCode", SmsActivateCatalog.code(rental.service()).orElse(rental.service()));
        json.put("phoneNumber", SmsActivateFormat.digits(rental.phoneNumber()));
        json.put("activationCost", Money.toUsd(rental.priceMicros()));
        json.put("activationStatus", activationStatus(rental));
        json.put("smsCode", withCode.isEmpty() ? null : withCode.stream().map(Message::code).toList());
        json.put("smsText", withCode.isEmpty() ? null : withCode.get(withCode.size() - 1).text());
        json.put("activationTime", SmsActivateFormat.time(rental.createdAt()));
        json.put("discount", "0.00");
        json.put("repeated", "0");
        json.put("countryCode", countryCode(rental));
        json.put("countryName", SmsActivateCatalog.countryOf(rental.country(), rental.carrier())
                .map(SmsActivateCatalog.CountryId::eng).orElse(rental.country()));
        json.put("canGetAnotherSms", "1");
        json.put("currency", CURRENCY_USD);
        return json;
    }

    /** The original's activation states: 4 waiting for the SMS, 3 waiting for another one, 2 code received. */
    private static String activationStatus(Rental rental) {
        if (rental.status() == RentalStatus.RECEIVED) {
            return "2";
        }
        return rental.everReceived() ? "3" : "4";
    }
}
