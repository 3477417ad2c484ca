package com.smsverifyo.ui.rentals;

import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalStatus;
import com.smsverifyo.ui.common.ErrorMessages;
import com.smsverifyo.ui.common.Formats;
import com.smsverifyo.ui.session.Session;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What a person can do to a rental: cancel, finish, retry, report, copy its code or number. Each
 * state change runs off the FX thread; a refusal is told in words; a success reaches every page at
 * once ({@code session.live().publish}) without waiting for the event stream.
 */
public final class RentalActions {
    private final Session session;
    private final RentalFeedback feedback;

    RentalActions(Session session, RentalFeedback feedback) {
        this.session = session;
        this.feedback = feedback;
    }

    /** Cancels a waiting rental (full refund). The server's refusal, if any, is told in words. */
    public CompletableFuture<Rental> cancel(Rental rental) {
        return act(rental, "cancel", id -> session.client().rentals().cancel(id),
                done -> "Cancelled", done -> PhoneNumbers.display(done.phoneNumber()) + " is released; "
                        + Formats.usd(done.refunded()) + " refunded.");
    }

    /** Finishes a rental that received its code: the number is released now. */
    public CompletableFuture<Rental> finish(Rental rental) {
        return act(rental, "finish", id -> session.client().rentals().finish(id),
                done -> "Finished", done -> PhoneNumbers.display(done.phoneNumber()) + " is released.");
    }

    /** Asks for another SMS on a rental whose code was wrong or expired (no new charge). */
    public CompletableFuture<Rental> retry(Rental rental) {
        return act(rental, "ask again on", id -> session.client().rentals().retry(id),
                done -> "Waiting for another SMS", done -> "The next code on " + PhoneNumbers.display(done.phoneNumber())
                        + " shows here. No new charge.");
    }

    /** Reports that the service refused the number: cancelled with a full refund, the number not offered again. */
    public CompletableFuture<Rental> report(Rental rental) {
        return act(rental, "report", id -> session.client().rentals().report(id),
                done -> "Number reported", done -> PhoneNumbers.display(done.phoneNumber())
                        + " will not be offered for this service again; " + Formats.usd(done.refunded()) + " refunded.");
    }

    /** Copies the rental's code, or says that none arrived yet. */
    public void copyCode(Rental rental) {
        if (rental == null) {
            return;
        }
        rental.code().ifPresentOrElse(code -> feedback.copy("code", code),
                () -> feedback.told("No code yet", "No code has arrived on " + PhoneNumbers.display(rental.phoneNumber())
                        + " yet."));
    }

    /** Copies the rental's number, in E.164 ({@code +14155550123}). */
    public void copyNumber(Rental rental) {
        if (rental != null) {
            feedback.copy("number", rental.phoneNumber());
        }
    }

    public static boolean canCancel(Rental rental) {
        return rental != null && rental.status() == RentalStatus.WAITING && rental.code().isEmpty();
    }

    public static boolean canReport(Rental rental) {
        return canCancel(rental);
    }

    public static boolean canFinish(Rental rental) {
        return rental != null && !rental.isFinal() && rental.code().isPresent();
    }

    public static boolean canRetry(Rental rental) {
        return rental != null && rental.status() == RentalStatus.RECEIVED;
    }

    private CompletableFuture<Rental> act(Rental rental, String verb, Function<String, Rental> work,
                                          Function<Rental, String> title, Function<Rental, String> words) {
        if (rental == null) {
            return CompletableFuture.completedFuture(null);
        }
        return session.call(() -> work.apply(rental.id())).whenComplete((done, error) -> {
            if (error != null) {
                feedback.refused("Could not " + verb + " " + PhoneNumbers.display(rental.phoneNumber()),
                        ErrorMessages.describe(error));
            } else {
                // Every page hears of it at once, without waiting for the event stream.
                session.live().publish(done);
                feedback.told(title.apply(done), words.apply(done));
            }
        });
    }
}
