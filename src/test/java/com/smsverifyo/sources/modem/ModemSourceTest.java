package com.smsverifyo.sources.modem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.smsverifyo.testing.Await;
import com.smsverifyo.testing.ServerTest;
import com.smsverifyo.testing.SourcesApi;
import com.smsverifyo.testing.TestResponse;
import com.smsverifyo.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The modem source against a modem emulated on a pseudo-terminal: jSerialComm opens the terminal
 * by its path, and the fake modem plays a transcript and records every command it was sent.
 */
class ModemSourceTest extends ServerTest {
    private static final String SIM = "+14155550150";
    private static final Instant SENT = TestServer.START.plusSeconds(5);

    private FakeModem modem;
    private String sourceId;

    @BeforeEach
    void modemSource() {
        FakeModem.assumePseudoTerminals();
        SourcesApi.simulatorOff(server);
        String port = FakeModem.linkIn(dir).toString();
        // Created before the modem is plugged in: the source keeps trying to open the port meanwhile.
        JsonNode source = SourcesApi.create(server, "modem", "USB modem", "{\"ports\":[\"" + port + "\"],"
                + "\"reconnect_delay_ms\":100,\"command_timeout_ms\":3000,\"concat_timeout_seconds\":2,"
                + "\"sweep_interval_seconds\":3600}");
        sourceId = source.path("id").asText();
        assertThat(source.has("inbound_url")).isFalse();
        SourcesApi.number(server, sourceId, SIM, "US", port, null);
    }

    @AfterEach
    void unplug() {
        if (modem != null) {
            modem.close();
        }
    }

    @Test
    void aNewMessageIsReadWhenAnnouncedThenDeleted() {
        String rental = rent("whatsapp");
        String pdu = gsm7("WhatsApp", "Your WhatsApp code: 482-913\nDon't share this code with others");
        plug(new ModemScript().initEmpty().notice(3)
                .expect("AT+CMGR=3", "+CMGR: 0,," + PduEncoder.length(pdu), pdu, "OK")
                .expect("AT+CMGD=3", "OK"));

        assertThat(awaitCode(rental)).isEqualTo("482913");
        modem.awaitDone();
        assertThat(modem.received()).containsExactly("ATE0", "AT+CMEE=1", "AT+CMGF=0", "AT+CNMI=2,1,0,0,0",
                "AT+CMGL=4", "AT+CMGR=3", "AT+CMGD=3");
        JsonNode message = SourcesApi.rental(server, rental).path("messages").get(0);
        assertThat(message.path("from").asText()).isEqualTo("WhatsApp");
        assertThat(message.path("received_at").asText()).isEqualTo("2026-11-29T10:00:05.000Z");
        assertThat(message.path("source").asText()).isEqualTo(sourceId);
        assertThat(SourcesApi.awaitHealth(server, sourceId, "ok").path("health").path("last_message_at").isNull()).isFalse();
    }

    @Test
    void aThreePartMessageIsJoinedInOrderAndItsPartsDeletedOnlyOnceWhole() {
        String rental = rent("whatsapp");
        String text = "Your WhatsApp code: 739-204. This message is long on purpose so that the network has to "
                + "split it into three parts, which arrive out of order; the modem source joins them again by "
                + "their reference, their total and their sequence numbers before handing the text to the engine, "
                + "which then finds the code in it as in any other message.";
        assertThat(text.length()).isBetween(153 * 2 + 1, 153 * 3);
        String first = part(text.substring(0, 153), 1);
        String second = part(text.substring(153, 306), 2);
        String third = part(text.substring(306), 3);
        plug(new ModemScript().initEmpty()
                .notice(5).expect("AT+CMGR=5", "+CMGR: 0,," + PduEncoder.length(second), second, "OK")
                .notice(6).expect("AT+CMGR=6", "+CMGR: 0,," + PduEncoder.length(first), first, "OK")
                .notice(7).expect("AT+CMGR=7", "+CMGR: 0,," + PduEncoder.length(third), third, "OK")
                .expect("AT+CMGD=6", "OK").expect("AT+CMGD=5", "OK").expect("AT+CMGD=7", "OK"));

        assertThat(awaitCode(rental)).isEqualTo("739204");
        modem.awaitDone();
        JsonNode messages = SourcesApi.rental(server, rental).path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("text").asText()).isEqualTo(text);
    }

    @Test
    void aMessageWhosePartsDoNotAllComeIsDeliveredWithAGapAfterTheTimeout() {
        String rental = rent("whatsapp");
        String first = part("Your WhatsApp code: 555-", 1);
        String third = part(" Do not share it.", 3);
        plug(new ModemScript().initEmpty()
                .notice(1).expect("AT+CMGR=1", "+CMGR: 0,," + PduEncoder.length(first), first, "OK")
                .notice(3).expect("AT+CMGR=3", "+CMGR: 0,," + PduEncoder.length(third), third, "OK")
                .expect("AT+CMGD=1", "OK").expect("AT+CMGD=3", "OK"));

        modem.awaitDone();
        Await.until("the partial message", () -> SourcesApi.rental(server, rental).path("messages").size() == 1);
        assertThat(SourcesApi.rental(server, rental).path("messages").get(0).path("text").asText())
                .isEqualTo("Your WhatsApp code: 555-[…] Do not share it.");
    }

    @Test
    void aUcs2MessageIsDecoded() {
        String rental = rent("whatsapp");
        String text = "WhatsApp: ваш код 271-828 🔐 Никому его не сообщайте";
        String pdu = PduEncoder.deliver("+79161234567", text, PduEncoder.Alphabet.UCS2, SENT, 12, null);
        plug(new ModemScript().initEmpty().notice(2)
                .expect("AT+CMGR=2", "+CMGR: 0,," + PduEncoder.length(pdu), pdu, "OK")
                .expect("AT+CMGD=2", "OK"));

        assertThat(awaitCode(rental)).isEqualTo("271828");
        modem.awaitDone();
        assertThat(SourcesApi.rental(server, rental).path("messages").get(0).path("text").asText()).isEqualTo(text);
    }

    @Test
    void aCmsErrorIsReportedAndTheSourceGoesOn() {
        String rental = rent("whatsapp");
        String pdu = gsm7("WhatsApp", "Your WhatsApp code: 161-803");
        plug(new ModemScript().initEmpty()
                .notice(8).expect("AT+CMGR=8", "+CMS ERROR: 321")
                .notice(9).expect("AT+CMGR=9", "+CMGR: 0,," + PduEncoder.length(pdu), pdu, "OK")
                .expect("AT+CMGD=9", "OK"));

        assertThat(awaitCode(rental)).isEqualTo("161803");
        modem.awaitDone();
        assertThat(modem.received()).doesNotContain("AT+CMGD=8");
        JsonNode health = SourcesApi.get(server, sourceId).path("health");
        assertThat(health.path("status").asText()).isEqualTo("degraded");
        assertThat(health.path("detail").asText()).contains("+CMS ERROR: 321");
    }

    @Test
    void aPortThatHangsUpMidReadIsOpenedAgainAndTheMessageReadFromStorage() {
        String rental = rent("whatsapp");
        String pdu = gsm7("WhatsApp", "Your WhatsApp code: 314-159");
        String header = "+CMGL: 4,0,," + PduEncoder.length(pdu);
        plug(new ModemScript().initEmpty().notice(4)
                .expect("AT+CMGR=4")
                .raw("\r\n+CMGR: 0,," + PduEncoder.length(pdu) + "\r\n" + pdu.substring(0, 20))
                .hangup(0.5)
                .init().expect("AT+CMGL=4", header, pdu, "OK")
                .expect("AT+CMGD=4", "OK"));

        assertThat(awaitCode(rental)).isEqualTo("314159");
        modem.awaitDone();
        assertThat(modem.transcript()).contains("HANGUP");
        assertThat(modem.received()).containsSubsequence("AT+CMGR=4", "ATE0", "AT+CMGL=4", "AT+CMGD=4");
        assertThat(SourcesApi.rental(server, rental).path("messages")).hasSize(1);
        SourcesApi.awaitHealth(server, sourceId, "ok");
    }

    @Test
    void storedMessagesAreReadOnStart() {
        String whatsapp = rent("whatsapp");
        String telegram = rent("telegram");
        String one = gsm7("WhatsApp", "Your WhatsApp code: 100-200");
        String two = gsm7("Telegram", "Telegram code: 30405");
        plug(new ModemScript().init()
                .expect("AT+CMGL=4", "+CMGL: 1,1,," + PduEncoder.length(one), one,
                        "+CMGL: 2,0,," + PduEncoder.length(two), two, "OK")
                .expect("AT+CMGD=1", "OK").expect("AT+CMGD=2", "OK"));

        assertThat(awaitCode(whatsapp)).isEqualTo("100200");
        assertThat(awaitCode(telegram)).isEqualTo("30405");
        modem.awaitDone();
    }

    @Test
    void textModeIsTheFallbackWhenPduModeIsRefused() {
        String rental = rent("whatsapp");
        plug(new ModemScript().expectEchoed("ATE0", "OK").expect("AT+CMEE=1", "OK")
                .expect("AT+CMGF=0", "+CMS ERROR: 303").expect("AT+CMGF=1", "OK").expect("AT+CNMI=2,1,0,0,0", "OK")
                .expect("AT+CMGL=\"ALL\"", "OK")
                .notice(2)
                .expect("AT+CMGR=2", "+CMGR: \"REC UNREAD\",\"+14155550188\",,\"26/11/29,10:00:05+00\"",
                        "Your WhatsApp code: 777-888", "OK")
                .expect("AT+CMGD=2", "OK"));

        assertThat(awaitCode(rental)).isEqualTo("777888");
        modem.awaitDone();
        assertThat(SourcesApi.get(server, sourceId).path("health").path("detail").asText()).contains("text mode");
    }

    @Test
    void aSourceWithoutAModemIsDownAndSaysWhy() {
        JsonNode health = SourcesApi.awaitHealth(server, sourceId, "down").path("health");

        assertThat(health.path("detail").asText()).contains(FakeModem.linkIn(dir).toString()).contains("retrying");
    }

    @Test
    void numbersMustNameOneOfTheSourcesPorts() {
        TestResponse refused = server.http().post("/v1/numbers", key, "{\"phone_number\":\"+14155550151\","
                + "\"country\":\"US\",\"source_id\":\"" + sourceId + "\",\"device_id\":\"/dev/ttyUSB9\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("pointer").asText()).isEqualTo("#/device_id");
    }

    // ---------------------------------------------------------------------------------------------

    /** Plugs the modem in, a little after the messages' time stamps (as it would be). */
    private void plug(ModemScript script) {
        server.clock().advance(Duration.ofSeconds(10));
        modem = FakeModem.start(dir, script);
    }

    private String rent(String service) {
        TestResponse rental = server.http().post("/v1/rentals", key, "{\"service\":\"" + service + "\",\"country\":\"US\"}");
        assertThat(rental.status()).as(rental.toString()).isEqualTo(201);
        assertThat(rental.json().path("phone_number").asText()).isEqualTo(SIM);
        return rental.json().path("id").asText();
    }

    private String awaitCode(String rental) {
        return Await.value("a code on " + rental + "; modem transcript: " + (modem == null ? List.of() : modem.transcript()),
                () -> {
                    JsonNode code = SourcesApi.rental(server, rental).path("code");
                    return code.isNull() || code.isMissingNode() ? null : code.asText();
                });
    }

    private static String gsm7(String sender, String text) {
        return PduEncoder.deliver(sender, text, PduEncoder.Alphabet.GSM7, SENT);
    }

    private static String part(String text, int sequence) {
        return PduEncoder.deliver("WhatsApp", text, PduEncoder.Alphabet.GSM7, SENT, 4,
                new PduEncoder.Part(0x2A, 3, sequence, false));
    }
}
