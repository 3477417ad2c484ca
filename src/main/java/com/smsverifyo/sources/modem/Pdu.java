package com.smsverifyo.sources.modem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Decodes an SMS-DELIVER PDU (3GPP TS 23.040) as a modem shows it in PDU mode: the service centre
 * address, the sender (digits or alphanumeric), the service centre's time stamp with its zone, and
 * the user data in GSM 7-bit, 8-bit or UCS-2, with the header of a concatenated message's part.
 */
final class Pdu {
    private static final int ALPHABET_GSM7 = 0;
    private static final int ALPHABET_8BIT = 1;
    private static final int ALPHABET_UCS2 = 2;

    /** The header of one part of a concatenated message. */
    record Part(int reference, int total, int sequence) {
    }

    /**
     * A received SMS.
     *
     * @param sentAt when the service centre got it; null if the time stamp is unreadable
     * @param part   the concatenation header, or null for a message in one piece
     */
    record Sms(String sender, String text, Instant sentAt, Part part) {
    }

    private Pdu() {
    }

    /**
     * @throws IllegalArgumentException for anything that is not a readable SMS-DELIVER
     */
    static Sms decode(String hex) {
        byte[] pdu;
        try {
            pdu = HexFormat.of().parseHex(hex.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PDU is not hexadecimal");
        }
        try {
            return decode(pdu);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the PDU is shorter than its fields say");
        }
    }

    private static Sms decode(byte[] pdu) {
        int at = 1 + (pdu[0] & 0xFF); // skip the service centre address
        int first = pdu[at++] & 0xFF;
        if ((first & 0x03) != 0) {
            throw new IllegalArgumentException("not an SMS-DELIVER (message type " + (first & 0x03) + ")");
        }
        boolean header = (first & 0x40) != 0;
        int senderDigits = pdu[at++] & 0xFF;
        int senderType = pdu[at++] & 0xFF;
        int senderOctets = (senderDigits + 1) / 2;
        String sender = address(pdu, at, senderDigits, senderType);
        at += senderOctets;
        at++; // protocol identifier
        int dcs = pdu[at++] & 0xFF;
        Instant sentAt = timestamp(pdu, at);
        at += 7;
        int length = pdu[at++] & 0xFF;
        int alphabet = alphabet(dcs);
        Part part = null;
        int headerOctets = 0;
        if (header) {
            int headerLength = pdu[at] & 0xFF;
            part = concatenation(pdu, at + 1, headerLength);
            headerOctets = headerLength + 1;
        }
        String text;
        if (alphabet == ALPHABET_GSM7) {
            int skip = (headerOctets * 8 + 6) / 7; // the header and its fill bits, in septets
            int[] septets = Gsm7.unpack(pdu, at, length);
            int[] body = new int[Math.max(0, length - skip)];
            System.arraycopy(septets, Math.min(skip, length), body, 0, body.length);
            text = Gsm7.decode(body);
        } else {
            int start = at + headerOctets;
            int count = length - headerOctets;
            if (start + count > pdu.length) {
                throw new ArrayIndexOutOfBoundsException();
            }
            text = new String(pdu, start, Math.max(0, count),
                    alphabet == ALPHABET_UCS2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
        }
        return new Sms(sender, text, sentAt, part);
    }

    /** The data coding scheme's alphabet (GSM 7-bit for the groups that do not name one). */
    static int alphabet(int dcs) {
        int group = dcs >> 4;
        if (group <= 0x7) {
            if ((dcs & 0x20) != 0) {
                throw new IllegalArgumentException("compressed messages are not supported");
            }
            return (dcs >> 2) & 0x03;
        }
        if (group == 0xE) {
            return ALPHABET_UCS2;
        }
        if (group == 0xF) {
            return (dcs & 0x04) != 0 ? ALPHABET_8BIT : ALPHABET_GSM7;
        }
        return ALPHABET_GSM7;
    }

    private static String address(byte[] pdu, int at, int digits, int type) {
        if ((type & 0x70) == 0x50) {
            int septets = digits * 4 / 7;
            return Gsm7.decode(Gsm7.unpack(pdu, at, septets));
        }
        StringBuilder number = new StringBuilder((type & 0x70) == 0x10 ? "+" : "");
        for (int i = 0; i < digits; i++) {
            int octet = pdu[at + i / 2] & 0xFF;
            int digit = i % 2 == 0 ? octet & 0x0F : octet >> 4;
            number.append(digit < 10 ? (char) ('0' + digit) : "*#abc".charAt(digit - 10));
        }
        return number.toString();
    }

    /** Semi-octet BCD: the first digit in the low nibble. */
    private static int bcd(byte octet) {
        return (octet & 0x0F) * 10 + ((octet >> 4) & 0x0F);
    }

    private static Instant timestamp(byte[] pdu, int at) {
        try {
            int year = bcd(pdu[at]);
            // Two digits: from 90 on they are the 1990s, as in the standard's own examples.
            LocalDateTime local = LocalDateTime.of(year >= 90 ? 1900 + year : 2000 + year, bcd(pdu[at + 1]), bcd(pdu[at + 2]),
                    bcd(pdu[at + 3]), bcd(pdu[at + 4]), bcd(pdu[at + 5]));
            int zone = pdu[at + 6] & 0xFF;
            int quarters = (zone & 0x07) * 10 + (zone >> 4);
            int seconds = quarters * 15 * 60 * ((zone & 0x08) != 0 ? -1 : 1);
            return local.toInstant(ZoneOffset.ofTotalSeconds(seconds));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Finds the concatenation element (8- or 16-bit reference) in a user data header. */
    private static Part concatenation(byte[] pdu, int at, int length) {
        int end = at + length;
        while (at + 1 < end) {
            int element = pdu[at] & 0xFF;
            int size = pdu[at + 1] & 0xFF;
            int data = at + 2;
            if (element == 0x00 && size == 3) {
                return new Part(pdu[data] & 0xFF, pdu[data + 1] & 0xFF, pdu[data + 2] & 0xFF);
            }
            if (element == 0x08 && size == 4) {
                return new Part(((pdu[data] & 0xFF) << 8) | (pdu[data + 1] & 0xFF), pdu[data + 2] & 0xFF,
                        pdu[data + 3] & 0xFF);
            }
            at = data + size;
        }
        return null;
    }
}
