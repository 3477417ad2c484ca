package com.smsverifyo.ui.rentals;

/**
 * What the Rentals page tells the person using it, and what it puts on the clipboard. The app shows
 * notifications and uses the system clipboard; tests record both.
 */
public interface RentalFeedback {
    /** An action failed or was refused: {@code words} says why and what to do next. */
    void refused(String title, String words);

    /** An action went through, or there is nothing to do (no code to copy yet). */
    void told(String title, String words);

    /** Puts {@code text} on the clipboard; {@code what} names it ("code", "number"). */
    void copy(String what, String text);
}
