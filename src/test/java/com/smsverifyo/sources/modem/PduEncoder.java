package com.smsverifyo.sources.modem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Builds SMS-DELIVER PDUs as a network delivers them to a modem, for the tests. It is written from
 * 3GPP TS 23.040 and 23.038 on its own, sharing nothing with the decoder under test.
 */
final class PduEncoder {
    /** The GSM 7-bit default alphabet, in code order. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table: character, then its code after the escape. */
    private static final String EXTENDED = "\f^{}\\[~]|€";
    private static final int[] EXTENDED_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};
    private static final String SMSC = "07911326040000F0"; // +31624000000

    enum Alphabet { GSM7, UCS2 }

    /** One part of a concatenated message: a user data header with an 8-bit or 16-bit reference. */
    record Part(int reference, int total, int sequence, boolean wideReference) {
    }

    private PduEncoder() {
    }

    static String deliver(String sender, String text, Alphabet alphabet, Instant sentAt) {
        return deliver(sender, text, alphabet, sentAt, 0, null);
    }

    /**
     * @param zoneQuarters the service centre's UTC offset in quarter hours (negative west of Greenwich)
     * @param part         the concatenation header, or null
     */
    static String deliver(String sender, String text, Alphabet alphabet, Instant sentAt, int zoneQuarters, Part part) {
        ByteArrayOutputStream pdu = new ByteArrayOutputStream();
        pdu.write(part == null ? 0x04 : 0x44); // SMS-DELIVER, no more messages, user data header when a part
        writeSender(pdu, sender);
        pdu.write(0x00);
        pdu.write(alphabet == Alphabet.UCS2 ? 0x08 : 0x00);
        writeTime(pdu, sentAt, zoneQuarters);
        byte[] header = header(part);
        if (alphabet == Alphabet.UCS2) {
            byte[] body = text.getBytes(StandardCharsets.UTF_16BE);
            pdu.write(header.length + body.length);
            pdu.writeBytes(header);
            pdu.writeBytes(body);
        } else {
            int[] septets = septets(text);
            int headerSeptets = (header.length * 8 + 6) / 7;
            pdu.write(headerSeptets + septets.length);
            Bits bits = new Bits();
            for (byte b : header) {
                bits.write(b & 0xFF, 8);
            }
            bits.write(0, headerSeptets * 7 - header.length * 8); // fill bits up to a septet boundary
            for (int septet : septets) {
                bits.write(septet, 7);
            }
            pdu.writeBytes(bits.bytes());
        }
        return SMSC + HexFormat.of().withUpperCase().formatHex(pdu.toByteArray());
    }

    /** The length {@code +CMGR}/{@code +CMGL} show: octets after the service centre address. */
    static int length(String pdu) {
        int smsc = Integer.parseInt(pdu.substring(0, 2), 16);
        return pdu.length() / 2 - smsc - 1;
    }

    private static byte[] header(Part part) {
        if (part == null) {
            return new byte[0];
        }
        if (part.wideReference()) {
            return new byte[] {6, 0x08, 4, (byte) (part.reference() >> 8), (byte) part.reference(), (byte) part.total(),
                    (byte) part.sequence()};
        }
        return new byte[] {5, 0x00, 3, (byte) part.reference(), (byte) part.total(), (byte) part.sequence()};
    }

    private static void writeSender(ByteArrayOutputStream pdu, String sender) {
        if (sender.matches("\\+?\\d+")) {
            String digits = sender.replace("+", "");
            pdu.write(digits.length());
            pdu.write(sender.startsWith("+") ? 0x91 : 0x81);
            pdu.writeBytes(semiOctets(digits.length() % 2 == 1 ? digits + "F" : digits));
        } else {
            int[] septets = septets(sender);
            Bits bits = new Bits();
            for (int septet : septets) {
                bits.write(septet, 7);
            }
            byte[] packed = bits.bytes();
            pdu.write((septets.length * 7 + 3) / 4); // useful semi-octets
            pdu.write(0xD0); // alphanumeric
            pdu.writeBytes(packed);
        }
    }

    private static void writeTime(ByteArrayOutputStream pdu, Instant at, int zoneQuarters) {
        LocalDateTime local = LocalDateTime.ofInstant(at, ZoneOffset.ofTotalSeconds(zoneQuarters * 15 * 60));
        String digits = String.format("%02d%02d%02d%02d%02d%02d", local.getYear() % 100, local.getMonthValue(),
                local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond());
        pdu.writeBytes(semiOctets(digits));
        int quarters = Math.abs(zoneQuarters);
        int zone = ((quarters % 10) << 4) | (quarters / 10) | (zoneQuarters < 0 ? 0x08 : 0);
        pdu.write(zone);
    }

    /** Digits two per octet, the first in the low half (F as filler). */
    private static byte[] semiOctets(String digits) {
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int low = Character.digit(digits.charAt(2 * i), 16);
            int high = Character.digit(digits.charAt(2 * i + 1), 16);
            out[i] = (byte) ((high << 4) | low);
        }
        return out;
    }

    private static int[] septets(String text) {
        int[] out = new int[text.length() * 2];
        int n = 0;
        for (char c : text.toCharArray()) {
            int basic = BASIC.indexOf(c);
            int extended = EXTENDED.indexOf(c);
            if (basic >= 0 && c != '\u001b') {
                out[n++] = basic;
            } else if (extended >= 0) {
                out[n++] = 0x1B;
                out[n++] = EXTENDED_CODES[extended];
            } else {
                throw new IllegalArgumentException("not in the GSM 7-bit alphabet: " + c);
            }
        }
        int[] exact = new int[n];
        System.arraycopy(out, 0, exact, 0, n);
        return exact;
    }

    /** Writes values least significant bit first, octet after octet. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void write(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            if (used > 0) {
                copy.write(current);
            }
            return copy.toByteArray();
        }
    }
}
