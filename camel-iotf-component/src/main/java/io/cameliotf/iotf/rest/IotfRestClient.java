package io.cameliotf.iotf.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cameliotf.iotf.model.ModelJson;
import io.cameliotf.iotf.rules.Secrets;
import java.io.Closeable;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Calls the IoTF REST API [3.1, 3.2; later contract 1, 2] and HTTP messaging (2.11) with Apache HttpClient 5 (the
 * client of camel-http): HTTP Basic with an API key and its token [3.1.1] (or use-token-auth and a device's token),
 * pooled connections, connect and read timeouts, TLS from the endpoint (host names verified). A non-2xx answer
 * raises {@link IotfApiException}; nothing is retried here.
 */
public final class IotfRestClient implements Closeable {

    /** An answer: status, the headers this component reads, and the body. */
    public record Response(int status, String body, Map<String, String> headers) {
        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? null : ModelJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("The IoTF API answered with something that is not JSON: " + e.getMessage(), e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final String baseUrl;
    private final String user;
    private final String token;
    private final String authorization;
    private final CloseableHttpClient client;

    /**
     * @param user the API key, or use-token-auth for a device; null for none (QuickStart)
     */
    public IotfRestClient(String baseUrl, String user, String token, SSLContext tls, int connectTimeoutMillis,
            int readTimeoutMillis) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.user = user;
        this.token = token;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder().encodeToString((user + ":" + token)
                .getBytes(StandardCharsets.UTF_8));
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(20).setMaxConnPerRoute(10)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                        .setSocketTimeout(Timeout.ofMilliseconds(readTimeoutMillis)).build());
        if (tls != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls));
        }
        PoolingHttpClientConnectionManager connections = pool.build();
        this.client = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(readTimeoutMillis)).build())
                .disableCookieManagement() // the historian's session cookie is passed on explicitly
                .disableAutomaticRetries() // Camel's error handler decides about retries
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(String path, Map<String, String> query, Map<String, String> headers) throws IOException {
        return send("GET", path + queryString(query), null, headers);
    }

    public Response post(String path, String json) throws IOException {
        return send("POST", path, json == null ? null : new StringEntity(json, ContentType.APPLICATION_JSON), Map.of());
    }

    /** A POST of {@code payload} as it is, with {@code contentType} (HTTP messaging). */
    public Response post(String path, byte[] payload, String contentType) throws IOException {
        return send("POST", path, new ByteArrayEntity(payload, ContentType.create(contentType)), Map.of());
    }

    public Response put(String path, String json) throws IOException {
        return send("PUT", path, new StringEntity(json, ContentType.APPLICATION_JSON), Map.of());
    }

    public Response delete(String path) throws IOException {
        return send("DELETE", path, null, Map.of());
    }

    private Response send(String method, String path, HttpEntity entity, Map<String, String> headers)
            throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create(baseUrl + path));
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        request.addHeader("Accept", "application/json");
        headers.forEach(request::addHeader);
        if (entity != null) {
            request.setEntity(entity);
        }
        return client.execute(request, response -> {
            String body = response.getEntity() == null ? null : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            int status = response.getCode();
            if (status < 200 || status > 299) {
                JsonNode error = errorJson(body);
                throw new IotfApiException(status, method, pathOnly(path), Secrets.scrub(serviceMessage(body, error), user,
                        token), error == null ? null : error.path("exception").path("id").asText(null), user);
            }
            Map<String, String> read = new LinkedHashMap<>();
            for (Header h : response.getHeaders()) {
                read.put(h.getName().toLowerCase(), h.getValue());
            }
            return new Response(status, body, read);
        });
    }

    private static JsonNode errorJson(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : ModelJson.MAPPER.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null; // not JSON: the text itself is the message
        }
    }

    private static String serviceMessage(String body, JsonNode error) {
        if (error != null && error.hasNonNull("message")) {
            return error.get("message").asText();
        }
        if (body == null || body.isBlank()) {
            return "(no message)";
        }
        return body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }

    private static String pathOnly(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : query.entrySet()) {
            sb.append(sb.length() == 0 ? '?' : '&').append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** A path segment, escaped. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
