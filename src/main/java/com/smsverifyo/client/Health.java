package com.smsverifyo.client;

/**
 * What {@code GET /healthz} says.
 *
 * @param status  {@code ok} when the server is up
 * @param version the server's version
 */
public record Health(String status, String version) {
}
