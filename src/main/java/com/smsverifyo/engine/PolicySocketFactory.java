package com.smsverifyo.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Optional;
import javax.net.SocketFactory;

/**
 * The last guard of the {@link UrlPolicy}: every socket a delivery opens checks the address it is
 * about to connect to. OkHttp does not ask the {@code Dns} about IP literals, so this is what stops
 * {@code http://127.0.0.1/} or {@code http://[::1]/} at connect time.
 */
final class PolicySocketFactory extends SocketFactory {
    private final UrlPolicy policy;

    PolicySocketFactory(UrlPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket(policy);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress target) throws IOException {
        Socket socket = createSocket();
        socket.connect(target);
        return socket;
    }

    /** A socket that refuses to connect to an address the policy refuses. */
    private static final class GuardedSocket extends Socket {
        private final UrlPolicy policy;

        GuardedSocket(UrlPolicy policy) {
            this.policy = policy;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress inet && inet.getAddress() != null) {
                Optional<String> reason = policy.refusal(inet.getAddress());
                if (reason.isPresent()) {
                    close();
                    throw new RefusedAddressException("refused by the URL policy: "
                            + inet.getAddress().getHostAddress() + " is " + reason.get());
                }
            } else {
                close();
                throw new RefusedAddressException("refused by the URL policy: unresolved address " + endpoint);
            }
            super.connect(endpoint, timeout);
        }
    }

    /** A connection the URL policy did not allow. */
    static final class RefusedAddressException extends SocketException {
        RefusedAddressException(String message) {
            super(message);
        }
    }
}
