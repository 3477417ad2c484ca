package com.smsverifyo.ui.common;

import com.smsverifyo.client.ApiException;
import com.smsverifyo.client.AuthenticationException;
import com.smsverifyo.client.ConnectionException;
import com.smsverifyo.client.InsufficientBalanceException;
import com.smsverifyo.client.MalformedResponseException;
import com.smsverifyo.client.MaxPriceExceededException;
import com.smsverifyo.client.NoNumbersAvailableException;
import com.smsverifyo.client.PermissionException;
import com.smsverifyo.client.RateLimitedException;
import java.util.concurrent.CompletionException;

/** Turns any failure into a sentence a person understands, with the next step where there is one. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    public static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof InsufficientBalanceException) {
            return ((ApiException) cause).detail() + " Add credit on the Billing page, or ask your provider.";
        }
        if (cause instanceof MaxPriceExceededException) {
            return ((ApiException) cause).detail() + " Raise the max price, or choose another country.";
        }
        if (cause instanceof NoNumbersAvailableException) {
            return ((ApiException) cause).detail();
        }
        if (cause instanceof RateLimitedException limited) {
            return limited.detail() + " The app retries by itself when it can.";
        }
        if (cause instanceof AuthenticationException) {
            return "The server did not accept the API key: " + ((ApiException) cause).detail()
                    + " Connect again with a valid key (File → Connect…).";
        }
        if (cause instanceof PermissionException) {
            return ((ApiException) cause).detail() + " An admin key is needed for this.";
        }
        if (cause instanceof ApiException api) {
            return api.detail();
        }
        if (cause instanceof ConnectionException) {
            return "The server cannot be reached. Check that it is running and the address is right.";
        }
        if (cause instanceof MalformedResponseException) {
            return "The server sent an answer this app does not understand. Is the address an SMSVerifyo server?";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? "Something went wrong (" + cause.getClass().getSimpleName() + ")." : message;
    }
}
