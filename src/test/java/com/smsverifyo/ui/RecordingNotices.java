package com.smsverifyo.ui;

import com.smsverifyo.ui.common.Notices;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every notice a view-model gives, as "info: title: text" or "error: title: text". */
public final class RecordingNotices implements Notices {
    private final List<String> told = new CopyOnWriteArrayList<>();

    @Override
    public void info(String title, String text) {
        told.add("info: " + title + ": " + text);
    }

    @Override
    public void error(String title, String text) {
        told.add("error: " + title + ": " + text);
    }

    public List<String> told() {
        return List.copyOf(told);
    }
}
