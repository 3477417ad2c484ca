package com.smsverifyo.engine;

/** What just happened to a rental, as told to the source of its number. */
public enum RentalChange {
    /** Cancelled by its customer (full refund). */
    CANCELLED,
    /** Reported: the service refused the number (full refund, the number is kept out of that service). */
    REPORTED,
    /** Nothing arrived before it expired (full refund). */
    EXPIRED,
    /** Finished, or expired after a code arrived. */
    COMPLETED,
    /** Back to waiting for another SMS. */
    RETRIED
}
