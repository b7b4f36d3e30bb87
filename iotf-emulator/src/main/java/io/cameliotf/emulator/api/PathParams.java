package io.cameliotf.emulator.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Path parameters, from the path. platform-http hands path and query parameters to a route as headers, and a query
 * parameter of the same name wins: {@code /device/types/a/devices/b?deviceId=c} would read device c. This sets each
 * {@code {name}} of the route's template from its segment of the request's path, before the face runs, and removes
 * the path parameter names of the APIs that the template lacks (so {@code /historian?deviceType=x} stays the
 * organization's scope).
 */
final class PathParams {

    /** Every path parameter name of both API versions. */
    static final Set<String> NAMES = Set.of("deviceType", "deviceId", "typeId", "eventId", "commandId", "clientId", "key",
            "logId", "requestId");

    private PathParams() {
    }

    /** {@code face}, with the parameters of {@code template} (a full path such as /api/v0002/x/{id}) bound first. */
    static Processor bind(String template, Processor face) {
        String[] parts = template.split("/");
        return exchange -> {
            Message in = exchange.getIn();
            NAMES.forEach(in::removeHeader);
            String uri = in.getHeader(Exchange.HTTP_URI, String.class);
            if (uri != null) {
                int query = uri.indexOf('?');
                String[] segments = (query < 0 ? uri : uri.substring(0, query)).split("/");
                for (int i = 0; i < parts.length && i < segments.length; i++) {
                    if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
                        in.setHeader(parts[i].substring(1, parts[i].length() - 1), decode(segments[i]));
                    }
                }
            }
            face.process(exchange);
        };
    }

    /** A path segment's percent-encoding undone; unlike a form, a path keeps '+' as it is. */
    static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The path segment '" + segment + "' is not valid percent-encoding");
        }
    }
}
