package com.smsverifyo.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import okhttp3.Dns;

/**
 * Name resolution for webhook deliveries: resolves, refuses the whole name if any of its addresses
 * is refused by the {@link UrlPolicy}, and otherwise hands OkHttp exactly the addresses it checked,
 * so the connection goes to a checked address (no second lookup that could answer differently).
 */
final class PolicyDns implements Dns {
    private final UrlPolicy policy;

    PolicyDns(UrlPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        if (policy.isMetadataName(hostname)) {
            throw new UnknownHostException("refused by the URL policy: " + hostname + " is a cloud metadata host");
        }
        List<InetAddress> addresses = List.copyOf(policy.resolver().lookup(hostname));
        for (InetAddress address : addresses) {
            Optional<String> reason = policy.refusal(address);
            if (reason.isPresent()) {
                throw new UnknownHostException("refused by the URL policy: " + hostname + " resolves to "
                        + address.getHostAddress() + ", " + reason.get());
            }
        }
        return addresses;
    }
}
