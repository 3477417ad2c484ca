package com.smsverifyo.client;

import java.util.Optional;

/**
 * A webhook message the server queued (a test event, or a redelivery).
 *
 * @param messageId the message ({@code msg_…})
 * @param eventType its event type, if the server says
 * @param status    its state, if the server says
 */
public record WebhookMessage(String messageId, Optional<String> eventType, Optional<String> status) {
}
