package com.smsverifyo.engine;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.Dns;
import okhttp3.HttpUrl;

/**
 * Where webhooks may be sent (API.md "URL policy"). Link-local and cloud-metadata addresses are
 * never reached; loopback, private, CGNAT, multicast and reserved ranges only when the operator
 * allows them ({@code --webhook-allow-cidr}). A URL is checked when it is registered and every
 * address is checked again when a delivery connects (see {@link PolicyDns} and
 * {@link PolicySocketFactory}), so a name that later resolves elsewhere gains nothing.
 */
public final class UrlPolicy {
    static final int MAX_URL_LENGTH = 2048;

    private record Range(Cidr cidr, String what) {
        static Range of(String cidr, String what) {
            return new Range(Cidr.parse(cidr), what);
        }
    }

    /** Never reachable, whatever is allowed: cloud metadata lives here. */
    private static final List<Range> ALWAYS_REFUSED = List.of(
            Range.of("169.254.0.0/16", "a link-local (cloud metadata) address"),
            Range.of("100.100.100.200/32", "a cloud metadata address"),
            Range.of("fe80::/10", "a link-local address"),
            Range.of("fd00:ec2::254/128", "a cloud metadata address"));

    /** Refused unless an allowed range covers the address. */
    private static final List<Range> REFUSED_UNLESS_ALLOWED = List.of(
            Range.of("0.0.0.0/8", "a 'this network' address"),
            Range.of("10.0.0.0/8", "a private (RFC 1918) address"),
            Range.of("100.64.0.0/10", "a carrier-grade NAT address"),
            Range.of("127.0.0.0/8", "a loopback address"),
            Range.of("172.16.0.0/12", "a private (RFC 1918) address"),
            Range.of("192.0.0.0/24", "a reserved address"),
            Range.of("192.0.2.0/24", "a documentation address"),
            Range.of("192.88.99.0/24", "a reserved address"),
            Range.of("192.168.0.0/16", "a private (RFC 1918) address"),
            Range.of("198.18.0.0/15", "a benchmarking address"),
            Range.of("198.51.100.0/24", "a documentation address"),
            Range.of("203.0.113.0/24", "a documentation address"),
            Range.of("224.0.0.0/4", "a multicast address"),
            Range.of("240.0.0.0/4", "a reserved address"),
            Range.of("::/128", "the unspecified address"),
            Range.of("::1/128", "a loopback address"),
            Range.of("100::/64", "a discard-only address"),
            Range.of("2001:db8::/32", "a documentation address"),
            Range.of("fc00::/7", "a private (unique local) address"),
            Range.of("fec0::/10", "a site-local address"),
            Range.of("ff00::/8", "a multicast address"));

    /** Names of metadata services, refused before any lookup. */
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog", "metadata",
            "instance-data", "instance-data.ec2.internal", "metadata.azure.internal");

    /** A URL that passed the policy when it was registered (it is checked again at every connect). */
    public record CheckedUrl(String url) {
    }

    private final List<Cidr> allowed;
    private final Dns resolver;

    public UrlPolicy(List<Cidr> allowed) {
        this(allowed, Dns.SYSTEM);
    }

    UrlPolicy(List<Cidr> allowed, Dns resolver) {
        this.allowed = List.copyOf(allowed);
        this.resolver = resolver;
    }

    public List<Cidr> allowed() {
        return allowed;
    }

    /**
     * Checks a URL for registration: syntax, scheme, metadata names, and every address its host
     * resolves to now. It may look the name up in DNS: call it outside any transaction. A name that
     * does not resolve yet is accepted (it is checked when a delivery connects).
     *
     * @throws DomainException {@code invalid_request} naming {@code field} with the reason
     */
    public CheckedUrl check(String field, String url) {
        HttpUrl parsed = parse(field, url);
        String host = parsed.host();
        Optional<InetAddress> literal = Cidr.literal(host);
        if (literal.isPresent()) {
            refusal(literal.get()).ifPresent(reason -> {
                throw refused(field, host + " is " + reason);
            });
            return new CheckedUrl(parsed.toString());
        }
        if (isMetadataName(host)) {
            throw refused(field, host + " is a cloud metadata host");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.lookup(host);
        } catch (UnknownHostException | RuntimeException e) {
            return new CheckedUrl(parsed.toString());
        }
        for (InetAddress address : addresses) {
            Optional<String> reason = refusal(address);
            if (reason.isPresent()) {
                throw refused(field, host + " resolves to " + address.getHostAddress() + ", " + reason.get());
            }
        }
        return new CheckedUrl(parsed.toString());
    }

    /** Why this address may not be reached, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        InetAddress embedded = embeddedIpv4(address).orElse(address);
        for (Range range : ALWAYS_REFUSED) {
            if (range.cidr().contains(address) || range.cidr().contains(embedded)) {
                return Optional.of(range.what() + ", which webhooks never reach");
            }
        }
        for (Range range : REFUSED_UNLESS_ALLOWED) {
            if ((range.cidr().contains(address) || range.cidr().contains(embedded))
                    && !isAllowed(address) && !isAllowed(embedded)) {
                return Optional.of(range.what() + ", which this server does not send webhooks to"
                        + " (an operator can allow it with --webhook-allow-cidr)");
            }
        }
        return Optional.empty();
    }

    boolean isMetadataName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        while (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return METADATA_NAMES.contains(name);
    }

    Dns resolver() {
        return resolver;
    }

    private boolean isAllowed(InetAddress address) {
        for (Cidr cidr : allowed) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static HttpUrl parse(String field, String url) {
        if (url == null || url.isBlank()) {
            throw DomainException.invalid(field, "'" + field + "' is required.");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw DomainException.invalid(field, "'" + field + "' must be at most " + MAX_URL_LENGTH + " characters.");
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        HttpUrl parsed = lower.startsWith("http://") || lower.startsWith("https://") ? HttpUrl.parse(url.strip()) : null;
        if (parsed == null) {
            throw DomainException.invalid(field, "'" + field + "' must be an absolute http or https URL, such as "
                    + "https://example.com/webhooks.");
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            throw DomainException.invalid(field, "'" + field + "' must not contain a user name or password; "
                    + "verify the webhook-signature header instead.");
        }
        return parsed;
    }

    private static DomainException refused(String field, String reason) {
        return DomainException.invalid(field, "'" + field + "' is refused: " + reason + ".");
    }

    /**
     * The IPv4 address inside an IPv6 one that carries it: IPv4-compatible ({@code ::a.b.c.d}),
     * NAT64 ({@code 64:ff9b::/96}) and 6to4 ({@code 2002::/16}). IPv4-mapped addresses are already
     * IPv4 addresses in Java.
     */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        byte[] v4 = null;
        if (allZero(b, 0, 12) && !allZero(b, 12, 15)) {
            v4 = java.util.Arrays.copyOfRange(b, 12, 16);
        } else if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && allZero(b, 4, 12)) {
            v4 = java.util.Arrays.copyOfRange(b, 12, 16);
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = java.util.Arrays.copyOfRange(b, 2, 6);
        }
        if (v4 == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
