package com.smsverifyo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UrlPolicyTest {
    /** Resolves only names the test knows; nothing leaves the machine. */
    private static final okhttp3.Dns FAKE_DNS = host -> switch (host) {
        case "internal.example" -> List.of(InetAddress.getByName("10.1.2.3"));
        case "mixed.example" -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.0.7"));
        case "public.example" -> List.of(InetAddress.getByName("93.184.216.34"));
        case "localhost" -> List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
        default -> throw new UnknownHostException(host);
    };

    private final UrlPolicy strict = new UrlPolicy(List.of(), FAKE_DNS);
    private final UrlPolicy loopbackAllowed = new UrlPolicy(WebhookSettings.loopback(), FAKE_DNS);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
            "100.64.0.1", "169.254.169.254", "169.254.1.1", "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255",
            "192.0.2.1", "198.18.0.1", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1",
            "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "fd00:ec2::254", "100.100.100.200"})
    void refusesPrivateLoopbackLinkLocalAndReserved(String address) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(address))).as(address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "2a00:1450:4001::200e"})
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(address))).as(address).isEmpty();
    }

    @Test
    void allowedRangesOpenOnlyWhatTheyCover() throws Exception {
        assertThat(loopbackAllowed.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(loopbackAllowed.refusal(InetAddress.getByName("::1"))).isEmpty();
        assertThat(loopbackAllowed.refusal(InetAddress.getByName("::ffff:127.0.0.2"))).isEmpty();
        assertThat(loopbackAllowed.refusal(InetAddress.getByName("10.0.0.1"))).isPresent();
        UrlPolicy everything = new UrlPolicy(List.of(Cidr.parse("0.0.0.0/0"), Cidr.parse("::/0")), FAKE_DNS);
        assertThat(everything.refusal(InetAddress.getByName("10.0.0.1"))).isEmpty();
        // Metadata stays out of reach, whatever an operator allows.
        assertThat(everything.refusal(InetAddress.getByName("169.254.169.254"))).get().asString().contains("never");
        assertThat(everything.refusal(InetAddress.getByName("fe80::1"))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://10.0.0.1/", "http://192.168.1.1/x", "http://172.16.0.1/",
            "http://169.254.169.254/latest/meta-data/", "http://[::1]:8080/", "http://[::ffff:127.0.0.1]/",
            "http://localhost:9000/hook", "http://internal.example/hook", "http://mixed.example/hook",
            "http://metadata.google.internal/computeMetadata/v1/", "http://METADATA.GOOGLE.INTERNAL./",
            "https://100.64.0.1/"})
    void refusesAtRegistrationWithAClearReason(String url) {
        assertThatThrownBy(() -> strict.check("url", url)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.detail()).startsWith("'url' is refused: ");
            assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.pointer()).isEqualTo("#/url"));
        });
    }

    /**
     * Numeric host spellings are left to the system resolver, whose answer is then checked; it is
     * the same resolver a delivery connects through, so both see the same address.
     */
    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/", "http://127.1/", "http://localhost/"})
    void refusesLoopbackInDisguiseThroughTheSystemResolver(String url) {
        UrlPolicy system = new UrlPolicy(List.of());
        assertThatThrownBy(() -> system.check("url", url)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.detail()).contains("loopback"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "example.com/hook", "http://", "javascript:alert(1)",
            "https://user:pass@example.com/hook", "file:///etc/passwd", ""})
    void refusesWhatIsNotAnHttpUrl(String url) {
        assertThatThrownBy(() -> strict.check("url", url)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void acceptsPublicUrlsAndNamesThatDoNotResolveYet() {
        assertThat(strict.check("url", "https://public.example/hooks?x=1").url()).isEqualTo("https://public.example/hooks?x=1");
        assertThat(strict.check("url", "https://not-yet.example/hooks").url()).isEqualTo("https://not-yet.example/hooks");
        assertThat(strict.check("url", "http://93.184.216.34:8080/").url()).isEqualTo("http://93.184.216.34:8080/");
        assertThat(loopbackAllowed.check("url", "http://localhost:9000/hook").url()).isEqualTo("http://localhost:9000/hook");
    }

    @Test
    void connectTimeDnsRefusesANameWithAnyRefusedAddressAndReturnsOnlyCheckedOnes() throws Exception {
        PolicyDns dns = new PolicyDns(strict);
        assertThat(dns.lookup("public.example")).containsExactly(InetAddress.getByName("93.184.216.34"));
        assertThatThrownBy(() -> dns.lookup("mixed.example")).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("192.168.0.7").hasMessageContaining("refused by the URL policy");
        assertThatThrownBy(() -> dns.lookup("metadata.google.internal")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void connectTimeSocketGuardRefusesLiterals() {
        PolicySocketFactory sockets = new PolicySocketFactory(strict);
        assertThatThrownBy(() -> sockets.createSocket().connect(new java.net.InetSocketAddress("127.0.0.1", 9), 1000))
                .isInstanceOf(PolicySocketFactory.RefusedAddressException.class)
                .hasMessageContaining("127.0.0.1 is a loopback address");
    }

    @Test
    void cidrsParseAndRefuseNonsense() {
        assertThat(Cidr.parse("10.0.0.0/8").contains(address("10.200.1.1"))).isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").contains(address("11.0.0.1"))).isFalse();
        assertThat(Cidr.parse("192.168.1.7").toString()).isEqualTo("192.168.1.7/32");
        assertThat(Cidr.parse("fd00::/8").contains(address("fd12::1"))).isTrue();
        assertThat(Cidr.parse("fd00::/8").contains(address("10.0.0.1"))).isFalse();
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("example.com/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress address(String text) {
        return Cidr.literal(text).orElseThrow();
    }
}
