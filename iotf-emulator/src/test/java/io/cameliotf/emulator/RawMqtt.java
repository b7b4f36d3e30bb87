package io.cameliotf.emulator;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One MQTT 3.1.1 CONNECT by hand, from a client address of the test's choosing ({@link Loopback}), and its CONNACK
 * return code: for tests that count refusals and how long they take, with no client library's own timeouts or
 * retries in between. A connection that is accepted is closed again with DISCONNECT.
 */
public final class RawMqtt {

    private final InetAddress local;
    private final int port;

    public RawMqtt(InetAddress local, int port) {
        this.local = local;
        this.port = port;
    }

    /** The CONNACK return code (0 accepted, 3 server unavailable, 5 not authorised, ...). */
    public int connect(String clientId, String username, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(connectPacket(clientId, username, password));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] connack = new byte[4];
            in.readFully(connack);
            if ((connack[0] & 0xF0) != 0x20) {
                throw new IOException("not a CONNACK: " + connack[0]);
            }
            if (connack[3] == 0) {
                socket.getOutputStream().write(new byte[] {(byte) 0xE0, 0});
            }
            return connack[3];
        }
    }

    private static byte[] connectPacket(String clientId, String username, String password) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT".getBytes(StandardCharsets.UTF_8));
        body.write(4); // 3.1.1
        body.write(0x02 | (username == null ? 0 : 0x80) | (password == null ? 0 : 0x40)); // clean session
        body.write(0);
        body.write(60); // keep alive
        string(body, clientId.getBytes(StandardCharsets.UTF_8));
        if (username != null) {
            string(body, username.getBytes(StandardCharsets.UTF_8));
        }
        if (password != null) {
            string(body, password.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        int length = body.size();
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length >> 8);
        out.write(value.length & 0xFF);
        out.writeBytes(value);
    }
}
