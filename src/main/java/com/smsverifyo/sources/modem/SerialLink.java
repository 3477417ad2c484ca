package com.smsverifyo.sources.modem;

import java.io.IOException;

/** A serial port as the AT session uses it: bytes in and out, with a short read timeout. */
interface SerialLink extends AutoCloseable {

    /**
     * Reads what has arrived, waiting a short while for it.
     *
     * @return bytes read; 0 when nothing came in time
     * @throws IOException when the port is gone (unplugged, hung up)
     */
    int read(byte[] buffer) throws IOException;

    /** @throws IOException when the port is gone */
    void write(byte[] bytes) throws IOException;

    @Override
    void close();

    /** Opens ports by path. */
    @FunctionalInterface
    interface Opener {
        /** @throws IOException when the port cannot be opened now */
        SerialLink open(String path, int baudRate) throws IOException;
    }
}
