package com.smsverifyo.store;

/** A failure of the database itself (I/O, corruption, a bug in SQL), never of a client's input. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
