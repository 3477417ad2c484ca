package com.smsverifyo.cli;

import com.smsverifyo.engine.DomainException;

/** Turns a failure into one sentence for a person at a terminal, never a stack trace. */
final class Errors {
    private Errors() {
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        if (cause instanceof DomainException domain) {
            return domain.detail();
        }
        if (cause instanceof java.net.BindException) {
            return "the port is already in use (" + cause.getMessage() + "); choose another with --port";
        }
        String message = cause.getMessage();
        if (cause.getCause() instanceof java.net.BindException bind) {
            return "the port is already in use (" + bind.getMessage() + "); choose another with --port";
        }
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
