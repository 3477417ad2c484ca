/** The JavaFX desktop app: views and view-models. Talks to any engine only through {@code client}. */
package com.smsverifyo.ui;
