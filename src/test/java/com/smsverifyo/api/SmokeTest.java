package com.smsverifyo.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir
    Path dir;

    @Test
    void rentsAndReceivesACode() {
        try (TestServer server = TestServer.start(dir)) {
            TestResponse created = server.http().post("/v1/rentals", server.ownerKey(),
                    "{\"service\":\"whatsapp\",\"country\":\"US\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String phone = created.json().path("phone_number").asText();
            TestResponse sms = server.sms(phone, "WhatsApp", "Your WhatsApp code: 482-913");
            assertThat(sms.status()).as(sms.toString()).isEqualTo(202);
            TestResponse rental = server.http().get("/v1/rentals/" + created.json().path("id").asText(), server.ownerKey());
            assertThat(rental.json().path("code").asText()).isEqualTo("482913");
            assertThat(rental.json().path("status").asText()).isEqualTo("received");
        }
    }
}
