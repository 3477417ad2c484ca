package com.smsverifyo.ui.common;

/**
 * Where view-models tell the person something that is not about one field: the app shows these as
 * desktop notifications ({@link Notifier}); tests record them.
 */
public interface Notices {
    void info(String title, String text);

    void error(String title, String text);

    /** Tells nothing (view-model tests that do not look). */
    static Notices none() {
        return new Notices() {
            @Override
            public void info(String title, String text) {
            }

            @Override
            public void error(String title, String text) {
            }
        };
    }
}
