package com.smsverifyo.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The IETF RateLimit fields (draft 10, structured fields) as servers send them. */
class RateLimitFieldsTest {
    @Test
    void theContractsFieldsAreRead() {
        Optional<RateLimit> limit = RateLimit.parse("\"default\";r=59;t=60", "\"default\";q=60;w=60");

        assertThat(limit).contains(new RateLimit("default", 59, Duration.ofSeconds(60), Optional.of(60),
                Optional.of(Duration.ofSeconds(60))));
    }

    @Test
    void theTightestOfSeveralPoliciesLimits() {
        Optional<RateLimit> limit = RateLimit.parse("\"burst\";r=5;t=1, \"daily\";r=0;t=3600",
                "\"burst\";q=10;w=1, \"daily\";q=1000;w=86400");

        assertThat(limit).hasValueSatisfying(l -> {
            assertThat(l.policy()).isEqualTo("daily");
            assertThat(l.remaining()).isZero();
            assertThat(l.resetIn()).isEqualTo(Duration.ofHours(1));
            assertThat(l.quota()).contains(1000);
        });
    }

    @Test
    void tokensWithoutQuotesAndUnknownParametersAreTolerated() {
        assertThat(RateLimit.parse("default;r=3;t=10;pk=:abc=:", null))
                .contains(new RateLimit("default", 3, Duration.ofSeconds(10), Optional.empty(), Optional.empty()));
    }

    @Test
    void missingOrUnreadableFieldsAreAbsent() {
        assertThat(RateLimit.parse(null, null)).isEmpty();
        assertThat(RateLimit.parse("", "\"default\";q=60;w=60")).isEmpty();
        assertThat(RateLimit.parse("\"default\";r=many;t=soon", null)).isEmpty();
        assertThat(RateLimit.parse("garbage", null)).isEmpty();
    }
}
