package com.smsverifyo.sources.modem;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/** A serial port through jSerialComm (8 data bits, no parity, 1 stop bit, 250 ms read timeout). */
final class JSerialCommLink implements SerialLink {
    private static final int READ_TIMEOUT_MS = 250;

    private final SerialPort port;
    private final String path;

    private JSerialCommLink(SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    /** Opens a port by its path ({@code /dev/ttyUSB0}, {@code COM3}); a symbolic link is followed anew each time. */
    static SerialLink open(String path, int baudRate) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new IOException("no serial port at " + path, e);
        } catch (LinkageError e) {
            // jSerialComm's native part does not load on this system: say so instead of dying silently.
            throw new IOException("serial ports are not available on this system (" + e.getMessage() + ")", e);
        }
        port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open " + path + " (error " + port.getLastErrorCode() + ")");
        }
        return new JSerialCommLink(port, path);
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        int read = port.readBytes(buffer, buffer.length);
        if (read < 0) {
            throw new IOException(path + " is gone");
        }
        return read;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (port.writeBytes(bytes, bytes.length) != bytes.length) {
            throw new IOException("cannot write to " + path);
        }
    }

    @Override
    public void close() {
        port.closePort();
    }
}
