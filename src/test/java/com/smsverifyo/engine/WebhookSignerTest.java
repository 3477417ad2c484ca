package com.smsverifyo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void reproducesTheTestVectorOfApiMd() {
        String signature = WebhookSigner.signature(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void secretsAreWhsecAndThirtyTwoRandomBytes() {
        String first = WebhookSigner.newSecret();
        String second = WebhookSigner.newSecret();
        assertThat(first).startsWith("whsec_").isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first.substring("whsec_".length()))).hasSize(32);
    }

    @Test
    void severalSecretsGiveSpaceSeparatedSignaturesThatEachVerify() throws Exception {
        String current = WebhookSigner.newSecret();
        String previous = WebhookSigner.newSecret();
        String body = "{\"type\":\"rental.code_received\",\"code\":\"123456\"}";
        long now = Instant.now().getEpochSecond();
        String header = WebhookSigner.signature(List.of(current, previous), "msg_1", now, body);
        assertThat(header.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("msg_1"),
                "webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(header));
        new Webhook(current).verify(body, headers);
        new Webhook(previous).verify(body, headers);
        assertThatThrownBy(() -> new Webhook(WebhookSigner.newSecret()).verify(body, headers))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(current).verify(body + " ", headers))
                .isInstanceOf(WebhookVerificationException.class);
    }
}
