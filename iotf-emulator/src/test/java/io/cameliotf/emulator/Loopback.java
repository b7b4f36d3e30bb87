package io.cameliotf.emulator;

import io.cameliotf.emulator.junit.MqttTestClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.SocketFactory;

/**
 * Client addresses of their own for tests of per-address rules: on Linux every 127.x.y.z is loopback, so a client
 * socket bound to a fresh one reaches the service (on 127.0.0.1) from an address no other test uses, and what the
 * service counts for that address touches no other test.
 */
public final class Loopback {

    private Loopback() {
    }

    /** A random loopback address other than 127.0.0.1. */
    public static InetAddress fresh() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) r.nextInt(1, 255), (byte) r.nextInt(1, 255),
                (byte) r.nextInt(1, 255)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Paho's sockets, bound to {@code local} (and with Nagle's algorithm off, as {@link MqttTestClient}'s). */
    public static SocketFactory sockets(InetAddress local) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                Socket s = new Socket();
                s.setTcpNoDelay(true);
                s.bind(new InetSocketAddress(local, 0));
                return s;
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
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                return connected(new InetSocketAddress(address, port));
            }

            private Socket connected(InetSocketAddress to) throws IOException {
                Socket s = createSocket();
                s.connect(to, 10_000);
                return s;
            }
        };
    }
}
