package com.smsverifyo.sources.modem;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038): septets to text.
 */
final class Gsm7 {
    private static final int ESCAPE = 0x1B;
    private static final String DEFAULT = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    static {
        if (DEFAULT.length() != 128) {
            throw new IllegalStateException("the GSM 7-bit table must have 128 characters");
        }
    }

    private Gsm7() {
    }

    /** Text of septet values (each 0–127); an escape takes the next septet from the extension table. */
    static String decode(int[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int septet = septets[i] & 0x7F;
            if (septet == ESCAPE && i + 1 < septets.length) {
                text.append(extension(septets[++i] & 0x7F));
            } else if (septet != ESCAPE) {
                text.append(DEFAULT.charAt(septet));
            }
        }
        return text.toString();
    }

    /** The extension table; a code it does not define shows as the default table's character. */
    private static char extension(int septet) {
        return switch (septet) {
            case 0x0A -> '\f';
            case 0x14 -> '^';
            case 0x28 -> '{';
            case 0x29 -> '}';
            case 0x2F -> '\\';
            case 0x3C -> '[';
            case 0x3D -> '~';
            case 0x3E -> ']';
            case 0x40 -> '|';
            case 0x65 -> '€';
            default -> DEFAULT.charAt(septet);
        };
    }

    /**
     * Unpacks {@code count} septets from octets, least significant bits first, starting at
     * {@code offset}.
     */
    static int[] unpack(byte[] octets, int offset, int count) {
        int[] septets = new int[count];
        for (int i = 0; i < count; i++) {
            int bit = i * 7;
            int index = offset + bit / 8;
            int shift = bit % 8;
            int value = (octets[index] & 0xFF) >> shift;
            if (shift > 1 && index + 1 < octets.length) {
                value |= (octets[index + 1] & 0xFF) << (8 - shift);
            }
            septets[i] = value & 0x7F;
        }
        return septets;
    }
}
