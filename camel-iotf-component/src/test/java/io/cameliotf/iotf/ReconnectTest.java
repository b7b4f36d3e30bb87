package io.cameliotf.iotf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * A connection whose service is away keeps trying to connect, however long it is away and however busy the machine:
 * the loop of attempts must not die (it did, now and then, under load: see ReconnectScheduleTest). Every attempt is
 * counted where it arrives: a socket that accepts and closes each connection, as a service that is starting might.
 */
class ReconnectTest {

    static final int ATTEMPTS = 300;

    @Test
    void reconnectAttemptsGoOnWhileTheServiceIsAway() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        attempts.incrementAndGet();
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            }, "acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            // maxReconnectDelay=10: attempts every 10 ms, so that many of them meet a busy machine
            CamelContext context = CamelContexts.start(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("iotf:device-event?clientType=device&org=abc123&deviceType=t&deviceId=d"
                            + "&authToken=tok&brokerUrl=tcp://127.0.0.1:" + server.getLocalPort()
                            + "&maxReconnectDelay=10&event=e");
                }
            });
            try {
                Waits.await().until(() -> attempts.get() >= ATTEMPTS);
            } finally {
                context.stop();
            }
            assertThat(attempts.get()).isGreaterThanOrEqualTo(ATTEMPTS);
        }
    }
}
