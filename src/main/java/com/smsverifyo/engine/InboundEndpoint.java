package com.smsverifyo.engine;

import java.util.List;
import java.util.Map;

/**
 * A source that receives deliveries over HTTP (a phone's webhook, an upstream server's webhook). The
 * API hands it the raw request, unauthenticated: the source authenticates it itself (a signature
 * over the body), so it must do so before it believes anything in it.
 */
public interface InboundEndpoint {

    /**
     * A request as it arrived.
     *
     * @param headers header names in any case
     * @param body    the raw body, exactly as received (signatures cover these bytes)
     */
    record InboundRequest(Map<String, List<String>> headers, byte[] body) {
        /** The first value of a header, whatever the case of its name; null if absent. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }

    /**
     * Takes a delivery in.
     *
     * @return what to answer (200 with a small JSON body)
     * @throws DomainException to refuse it (a bad signature is {@code unauthenticated})
     */
    Map<String, Object> receive(InboundRequest request);
}
