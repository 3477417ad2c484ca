package com.smsverifyo.sources.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smsverifyo.engine.Money;
import com.smsverifyo.engine.SourceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An upstream relay's settings.
 *
 * @param baseUrl         the upstream server
 * @param apiKey          this server's key there (admin and rentals scopes, so it can register its webhook)
 * @param useWebhook      whether codes should come by the upstream's webhooks (else polling only)
 * @param callbackBaseUrl this server's URL as the upstream reaches it
 * @param countries       the countries relayed (empty: all)
 * @param services        the services relayed (empty: all)
 * @param maxPriceMicros  the most paid upstream for one rental; null: never more than the customer pays here
 * @param pollInterval    how often open rentals are read upstream (the fallback; slower when webhooks work)
 * @param requestTimeout  how long one upstream call may take
 */
record UpstreamSettings(String baseUrl, String apiKey, boolean useWebhook, String callbackBaseUrl, List<String> countries,
                        List<String> services, Long maxPriceMicros, Duration pollInterval, Duration requestTimeout) {
    static final String BASE_URL = "base_url";
    static final String API_KEY = "api_key";
    static final String USE_WEBHOOK = "use_webhook";
    static final String CALLBACK_BASE_URL = "callback_base_url";
    static final String COUNTRIES = "countries";
    static final String SERVICES = "services";
    static final String MAX_PRICE = "max_price_usd";
    static final String POLL_INTERVAL = "poll_interval_seconds";
    static final String REQUEST_TIMEOUT = "request_timeout_seconds";

    /** Checks settings as {@link UpstreamType} keeps them. */
    static ObjectNode check(SourceSettings settings) {
        settings.url(BASE_URL, true);
        settings.text(API_KEY, true, 512).ifPresent(key -> {
            if (!key.chars().allMatch(c -> c > ' ' && c < 127)) {
                settings.error(API_KEY, "'settings.api_key' must be an API key (printable characters, no spaces).");
            }
        });
        settings.flag(USE_WEBHOOK, true);
        if (settings.has(CALLBACK_BASE_URL)) {
            settings.url(CALLBACK_BASE_URL, false);
        } else {
            // Where the owner reached this server is the best guess of where the upstream reaches it.
            settings.serverUrl().ifPresent(url -> settings.keep(CALLBACK_BASE_URL, url));
        }
        for (String country : settings.texts(COUNTRIES, false, 300, 2)) {
            if (!country.matches("[A-Z]{2}")) {
                settings.error(COUNTRIES, "'settings.countries' must hold ISO 3166-1 alpha-2 codes such as US.");
            }
        }
        settings.texts(SERVICES, false, 500, 64);
        settings.money(MAX_PRICE);
        settings.integer(POLL_INTERVAL, 1, 3600, 15);
        settings.integer(REQUEST_TIMEOUT, 1, 120, 10);
        return settings.done();
    }

    static UpstreamSettings of(ObjectNode kept) {
        JsonNode max = kept.get(MAX_PRICE);
        return new UpstreamSettings(kept.path(BASE_URL).asText(), kept.path(API_KEY).asText(),
                kept.path(USE_WEBHOOK).asBoolean(true),
                kept.hasNonNull(CALLBACK_BASE_URL) ? kept.get(CALLBACK_BASE_URL).asText() : null,
                texts(kept.path(COUNTRIES)), texts(kept.path(SERVICES)),
                max == null || max.isNull() ? null : Money.fromUsd(max.decimalValue()),
                Duration.ofSeconds(kept.path(POLL_INTERVAL).asInt(15)),
                Duration.ofSeconds(kept.path(REQUEST_TIMEOUT).asInt(10)));
    }

    boolean serves(String service, String country) {
        return (countries.isEmpty() || countries.contains(country.toUpperCase(Locale.ROOT)))
                && (services.isEmpty() || services.contains(service));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }
}
