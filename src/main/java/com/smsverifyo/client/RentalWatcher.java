package com.smsverifyo.client;

/**
 * Receives the changes of one watched rental. Callbacks run on one of the client's threads, one at
 * a time and in order; return quickly.
 */
public interface RentalWatcher {
    /**
     * The rental as it is now: called first with its current state, then on each change (status,
     * code, messages). After a final state (completed, cancelled, expired) the watch ends by itself.
     *
     * @param rental the rental
     * @param source whether the change was seen through the event stream or by polling
     */
    void onUpdate(Rental rental, WatchSource source);

    /**
     * Reading the rental failed. The watch goes on after a failure it can outlive (the network, a
     * 5xx); it ends after one it cannot ({@code 404}, {@code 401}, {@code 403}).
     *
     * @param error what happened
     * @param ended whether the watch ended because of it
     */
    default void onError(SmsVerifyoException error, boolean ended) {
    }
}
