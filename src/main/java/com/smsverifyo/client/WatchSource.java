package com.smsverifyo.client;

/** How a watch learnt of a rental's state. */
public enum WatchSource {
    /** An event of the live stream ({@code GET /v1/events}) prompted the read. */
    STREAM,
    /** A periodic read: the server has no stream, the stream is failing, or the watch just began. */
    POLLING
}
