package com.smsverifyo.sources.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The PDU decoder against a published vector and against PDUs made by the test's own encoder. */
class PduTest {
    private static final Instant AT = Instant.parse("2026-11-29T10:00:05Z");

    @Test
    void decodesThePublishedExample() {
        // The classic SMS-DELIVER of the GSM 03.40 tutorials: "hellohello" from 27838890001 (national),
        // time stamped 99-03-29 15:16:59 at UTC+2.
        Pdu.Sms sms = Pdu.decode("07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37");

        assertThat(sms.sender()).isEqualTo("27838890001");
        assertThat(sms.text()).isEqualTo("hellohello");
        assertThat(sms.sentAt()).isEqualTo(Instant.parse("1999-03-29T13:16:59Z"));
        assertThat(sms.part()).isNull();
    }

    @Test
    void decodesGsm7WithTheExtensionTable() {
        String text = "Code 5€ {ok} [x] ~|^\\ @£$ äöüß ΔΩ";
        Pdu.Sms sms = Pdu.decode(PduEncoder.deliver("+14155550188", text, PduEncoder.Alphabet.GSM7, AT));

        assertThat(sms.text()).isEqualTo(text);
        assertThat(sms.sender()).isEqualTo("+14155550188");
        assertThat(sms.sentAt()).isEqualTo(AT);
    }

    @Test
    void decodesUcs2IncludingCharactersBeyondTheBasicPlane() {
        String text = "WhatsApp: ваш код 482-913 🔐 不要分享";
        Pdu.Sms sms = Pdu.decode(PduEncoder.deliver("+79161234567", text, PduEncoder.Alphabet.UCS2, AT));

        assertThat(sms.text()).isEqualTo(text);
    }

    @Test
    void decodesAlphanumericSendersAndZonesWestOfGreenwich() {
        Pdu.Sms sms = Pdu.decode(PduEncoder.deliver("WhatsApp", "hi", PduEncoder.Alphabet.GSM7, AT, -16, null));

        assertThat(sms.sender()).isEqualTo("WhatsApp");
        assertThat(sms.sentAt()).isEqualTo(AT);
        Pdu.Sms seven = Pdu.decode(PduEncoder.deliver("Telegra", "hi", PduEncoder.Alphabet.GSM7, AT, 22, null));
        assertThat(seven.sender()).isEqualTo("Telegra");
        assertThat(seven.sentAt()).isEqualTo(AT);
    }

    @Test
    void readsConcatenationHeadersAndSkipsTheirFillBitsWhateverTheTextLength() {
        for (int length = 1; length <= 30; length++) {
            String text = "abcdefghijklmnopqrstuvwxyz0123".substring(0, length);
            Pdu.Sms narrow = Pdu.decode(PduEncoder.deliver("+14155550188", text, PduEncoder.Alphabet.GSM7, AT, 0,
                    new PduEncoder.Part(0xA7, 3, 2, false)));
            assertThat(narrow.text()).isEqualTo(text);
            assertThat(narrow.part()).isEqualTo(new Pdu.Part(0xA7, 3, 2));
            Pdu.Sms wide = Pdu.decode(PduEncoder.deliver("+14155550188", text, PduEncoder.Alphabet.GSM7, AT, 0,
                    new PduEncoder.Part(0x1234, 4, 4, true)));
            assertThat(wide.text()).isEqualTo(text);
            assertThat(wide.part()).isEqualTo(new Pdu.Part(0x1234, 4, 4));
        }
        Pdu.Sms ucs2 = Pdu.decode(PduEncoder.deliver("+14155550188", "код", PduEncoder.Alphabet.UCS2, AT, 0,
                new PduEncoder.Part(9, 2, 1, false)));
        assertThat(ucs2.text()).isEqualTo("код");
        assertThat(ucs2.part()).isEqualTo(new Pdu.Part(9, 2, 1));
    }

    @Test
    void refusesWhatIsNoSmsDeliver() {
        assertThatThrownBy(() -> Pdu.decode("not hex")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pdu.decode("0791")).isInstanceOf(IllegalArgumentException.class);
        // An SMS-SUBMIT (message type 1) is what a phone sends, not what it receives.
        assertThatThrownBy(() -> Pdu.decode("0001000B911326880736F40000A9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SMS-DELIVER");
    }
}
