package io.cameliotf.emulator.api;

import io.cameliotf.emulator.auth.CredentialCheck;
import io.cameliotf.emulator.auth.IotfNames;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.apache.camel.Message;

/**
 * HTTP Basic authentication [3.1.1; later contract 1.2]. Applications use an API key and its token; the organization
 * is the key's, and a request aimed at another organization (a {@code <org>.<domain>},
 * {@code <org>.messaging.<domain>} or {@code <org>.localhost} host, or an {@code org} query parameter) is forbidden.
 * Devices use {@code use-token-auth} and their token, where the contract lets a device call (HTTP messaging); their
 * organization is the one the request is aimed at.
 */
public final class ApiAuthenticator {

    static final String CHALLENGE = "Basic realm=\"IoTF\"";

    private final CredentialCheck check;
    private final String domain;
    private final String messagingDomain;

    public ApiAuthenticator(CredentialCheck check, String domain) {
        this.check = check;
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.messagingDomain = "messaging." + this.domain;
    }

    /** An application: an API key and its token. */
    public ApiCaller authenticate(Message request) {
        Credentials credentials = credentials(request);
        if (credentials.user().equals(IotfNames.DEVICE_USERNAME) || credentials.user().startsWith("d:")) {
            throw new ApiException(401, "Device tokens cannot use the API: authenticate with an API key and its token");
        }
        return application(request, credentials);
    }

    /**
     * The device {@code type}/{@code id} with its own token (user {@code use-token-auth}), for what a device may do
     * itself; anybody else is refused.
     */
    public ApiCaller authenticateDevice(Message request, String type, String id) {
        Credentials credentials = credentials(request);
        if (!credentials.user().equals(IotfNames.DEVICE_USERNAME)) {
            throw new ApiException(401, "A device authenticates with the user name " + IotfNames.DEVICE_USERNAME
                    + " and its token; applications publish on /application/types/... with an API key");
        }
        String org = targetOrg(request);
        if (org == null) {
            throw new ApiException(401, "The organization of the device is not known: address the request to "
                    + "<org>.messaging." + domain + " (or add ?org=<org>)");
        }
        String problem = check.checkDeviceToken(org, type, id, credentials.token());
        if (problem != null) {
            throw new ApiException(401, "Not authenticated: " + problem);
        }
        return ApiCaller.device(org, type, id);
    }

    private ApiCaller application(Message request, Credentials credentials) {
        CredentialCheck.ApiKeyCheck key = check.checkApiKey(credentials.user(), credentials.token());
        if (!key.isValid()) {
            throw new ApiException(401, "Not authenticated: " + key.problem());
        }
        String target = targetOrg(request);
        if (target != null && !target.equals(key.org())) {
            throw new ApiException(403, "API key " + credentials.user() + " belongs to organization " + key.org()
                    + "; it cannot be used for organization " + target, target);
        }
        return ApiCaller.application(key.org(), credentials.user());
    }

    private static Credentials credentials(Message request) {
        String authorization = request.getHeader("Authorization", String.class);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new ApiException(401, "This API needs HTTP Basic authentication: an API key as user name and its "
                    + "token as password [3.1.1]");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(401, "The Authorization header is not valid HTTP Basic (base64 of user:password)");
        }
        int colon = decoded.indexOf(':');
        return new Credentials(colon < 0 ? decoded : decoded.substring(0, colon), colon < 0 ? "" : decoded.substring(colon + 1));
    }

    /** The organization a request names, if any: its host prefix, or an org parameter. */
    String targetOrg(Message request) {
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
        return rest.equals(domain) || rest.equals(messagingDomain) || rest.equals("localhost") ? host.substring(0, dot)
                : null;
    }

    /** User name and password of HTTP Basic. */
    private record Credentials(String user, String token) {
        @Override
        public String toString() {
            return "Credentials[" + user + ", ****]";
        }
    }
}
