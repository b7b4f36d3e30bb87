package io.cameliotf.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand over a socket, for what java.net.http cannot send or do: malformed requests, very long request
 * lines, and a client address of the test's choosing ({@link io.cameliotf.emulator.Loopback}; the JDK's client
 * cannot bind before Java 19). Each request has a connection of its own ({@code Connection: close}).
 */
public final class RawHttp {

    private final InetAddress local;
    private final int port;

    /** From {@code local} (null: any) to the service's {@code port} on 127.0.0.1. */
    public RawHttp(InetAddress local, int port) {
        this.local = local;
        this.port = port;
    }

    /** Basic credentials for an Authorization header. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code method path} with an optional Authorization, and a body with its Content-Type (none when null). */
    public Answer send(String method, String path, String authorization, String contentType, String body)
            throws IOException {
        StringBuilder r = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                .append(port).append("\r\nConnection: close\r\n");
        if (authorization != null) {
            r.append("Authorization: ").append(authorization).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            r.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            r.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        r.append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(r.toString().getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(bytes);
        return raw(request.toByteArray());
    }

    /** Exactly these bytes, and the answer. */
    public Answer raw(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            if (local != null) {
                socket.bind(new InetSocketAddress(local, 0));
            }
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return Answer.parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0;) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // the service closed after answering (it may not read what it refused): keep what arrived
        }
        return out.toByteArray();
    }

    /** Status, headers (names in lower case) and body of an answer. */
    public record Answer(int status, Map<String, String> headers, String body) {

        static Answer parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("Not an HTTP answer: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }

        private static String unchunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (true) {
                int eol = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
                if (size == 0) {
                    return out.toString();
                }
                out.append(chunked, eol + 2, eol + 2 + size);
                at = eol + 2 + size + 2;
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() throws IOException {
            return Http.JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
