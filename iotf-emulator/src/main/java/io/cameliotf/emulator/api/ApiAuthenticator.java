package io.cameliotf.emulator.api;

import io.cameliotf.emulator.auth.CredentialCheck;
import io.cameliotf.emulator.auth.IotfNames;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.apache.camel.Message;

/**
 * HTTP Basic authentication with an API key and its token [3.1.1, 3.2.1]. The organization is the API key's; a
 * request aimed at another organization (a {@code <org>.<domain>} or {@code <org>.localhost} host, or an {@code org}
 * query parameter) is forbidden. Device tokens cannot use the API.
 */
final class ApiAuthenticator {

    static final String CHALLENGE = "Basic realm=\"IoTF\"";

    private final CredentialCheck check;
    private final String domain;

    ApiAuthenticator(CredentialCheck check, String domain) {
        this.check = check;
        this.domain = domain.toLowerCase(Locale.ROOT);
    }

    ApiCaller authenticate(Message request) {
        String authorization = request.getHeader("Authorization", String.class);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new ApiException(401, "This API needs HTTP Basic authentication: an API key as user name and its token "
                    + "as password [3.1.1]");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(401, "The Authorization header is not valid HTTP Basic (base64 of apikey:token)");
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String token = colon < 0 ? "" : decoded.substring(colon + 1);
        if (user.equals(IotfNames.DEVICE_USERNAME) || user.startsWith("d:")) {
            throw new ApiException(401, "Device tokens cannot use the API: authenticate with an API key and its token");
        }
        CredentialCheck.ApiKeyCheck key = check.checkApiKey(user, token);
        if (!key.isValid()) {
            throw new ApiException(401, "Not authenticated: " + key.problem());
        }
        String target = targetOrg(request);
        if (target != null && !target.equals(key.org())) {
            throw new ApiException(403, "API key " + user + " belongs to organization " + key.org()
                    + "; it cannot be used for organization " + target);
        }
        return new ApiCaller(key.org(), user);
    }

    /** The organization a request names, if any: its host prefix, or an org parameter. */
    private String targetOrg(Message request) {
        String org = request.getHeader("org", String.class);
        if (org != null && !org.isEmpty()) {
            return org;
        }
        String host = RestServer.host(request);
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return null; // an IPv6 literal
        }
        int port = host.lastIndexOf(':');
        if (port > 0) {
            host = host.substring(0, port);
        }
        int dot = host.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        String rest = host.substring(dot + 1);
        return rest.equals(domain) || rest.equals("localhost") ? host.substring(0, dot) : null;
    }
}
