package io.cameliotf.emulator.api;

import io.cameliotf.emulator.auth.CredentialCheck;
import io.cameliotf.emulator.auth.IotfNames;
import io.cameliotf.emulator.auth.LoginThrottle;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * HTTP Basic authentication [3.1.1; later contract 1.2]. Applications use an API key and its token; the organization
 * is the key's, and a request aimed at another organization (a {@code <org>.<domain>},
 * {@code <org>.messaging.<domain>} or {@code <org>.localhost} host, or an {@code org} query parameter) is forbidden.
 * Devices use {@code use-token-auth} and their token, where the contract lets a device call (HTTP messaging); their
 * organization is the one the request is aimed at.
 * <p>
 * Wrong credentials get one answer, whichever part was wrong (an unknown key, a wrong token, an unregistered device),
 * so that the API tells a guesser nothing about which identities exist. Their tokens are checked before a request is
 * routed ({@link #claim}, by {@link RestLogins}), where failed logins are throttled; the faces check again, which
 * costs a lookup in the cache of verified tokens.
 */
public final class ApiAuthenticator {

    static final String CHALLENGE = "Basic realm=\"IoTF\"";
    /** The answer to wrong application credentials, whichever part was wrong. */
    static final String BAD_API_KEY = "The API key or its token is not valid";
    /** The answer to wrong device credentials, whichever part was wrong. */
    static final String BAD_DEVICE = "The device or its token is not valid";
    private static final String DEVICE_EVENT_PATH = "/api/v0002/device/types/";

    /** The header of a console request that changes something: its session's CSRF token. */
    public static final String CSRF_HEADER = "X-IoTF-CSRF";

    private final CredentialCheck check;
    private final SessionCallers sessions;
    private final String domain;
    private final String messagingDomain;

    public ApiAuthenticator(CredentialCheck check, String domain) {
        this(check, domain, SessionCallers.NONE);
    }

    /** With the web console's sessions as callers too ({@link SessionCallers}). */
    public ApiAuthenticator(CredentialCheck check, String domain, SessionCallers sessions) {
        this.check = check;
        this.sessions = sessions;
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.messagingDomain = "messaging." + this.domain;
    }

    LoginThrottle throttle() {
        return check.throttle();
    }

    /**
     * An application: an API key and its token, or without an Authorization header a web console session (its cookie,
     * see {@link SessionCallers}).
     */
    public ApiCaller authenticate(Message request) {
        String authorization = request.getHeader("Authorization", String.class);
        String cookie = request.getHeader("Cookie", String.class);
        if (authorization == null && cookie != null) {
            ApiCaller session = sessions.caller(new SessionCallers.SessionRequest(cookie,
                    request.getHeader(CSRF_HEADER, String.class), request.getHeader(Exchange.HTTP_METHOD, String.class),
                    targetOrg(request.getHeader("org", String.class), RestServer.host(request))));
            if (session != null) {
                return session;
            }
        }
        Credentials credentials = Credentials.of(authorization);
        if (credentials.isDevice()) {
            throw new ApiException(401, "Device tokens cannot use the API: authenticate with an API key and its token");
        }
        CredentialCheck.ApiKeyCheck key = check.checkApiKey(credentials.user(), credentials.token());
        if (!key.isValid()) {
            throw new ApiException(401, BAD_API_KEY);
        }
        String target = targetOrg(request.getHeader("org", String.class), RestServer.host(request));
        if (target != null && !target.equals(key.org())) {
            throw new ApiException(403, "API key " + credentials.user() + " belongs to organization " + key.org()
                    + "; it cannot be used for organization " + target, target);
        }
        return ApiCaller.application(key.org(), credentials.user());
    }

    /**
     * The device {@code type}/{@code id} with its own token (user {@code use-token-auth}), for what a device may do
     * itself; anybody else is refused.
     */
    public ApiCaller authenticateDevice(Message request, String type, String id) {
        Credentials credentials = Credentials.of(request.getHeader("Authorization", String.class));
        if (!credentials.user().equals(IotfNames.DEVICE_USERNAME)) {
            throw new ApiException(401, "A device authenticates with the user name " + IotfNames.DEVICE_USERNAME
                    + " and its token; applications publish on /application/types/... with an API key");
        }
        String org = targetOrg(request.getHeader("org", String.class), RestServer.host(request));
        if (org == null) {
            throw new ApiException(401, "The organization of the device is not known: address the request to "
                    + "<org>.messaging." + domain + " (or add ?org=<org>)");
        }
        if (check.checkDeviceToken(org, type, id, credentials.token()) != null) {
            throw new ApiException(401, BAD_DEVICE);
        }
        return ApiCaller.device(org, type, id);
    }

    /**
     * Whose token a request presents, for checking it before the request is routed: an API key, or on the device
     * event path of HTTP messaging a device of the organization the request is aimed at. Null when there is nothing to
     * check (no or malformed credentials, a device's on another path, no organization): the route then answers.
     *
     * @param path the request's path, still percent-encoded
     */
    Claim claim(String authorization, String path, String orgParam, String host) {
        Credentials credentials;
        try {
            credentials = Credentials.of(authorization);
        } catch (ApiException e) {
            return null;
        }
        if (!credentials.isDevice()) {
            return new Claim(credentials.user(), credentials.token(), null, null, null);
        }
        if (!credentials.user().equals(IotfNames.DEVICE_USERNAME) || !path.startsWith(DEVICE_EVENT_PATH)) {
            return null;
        }
        // device/types/{typeId}/devices/{deviceId}/events/{eventId}
        String[] s = path.substring(DEVICE_EVENT_PATH.length()).split("/", -1);
        String org = targetOrg(orgParam, host);
        if (s.length != 5 || !s[1].equals("devices") || !s[3].equals("events") || org == null) {
            return null;
        }
        try {
            String type = PathParams.decode(s[0]);
            String id = PathParams.decode(s[2]);
            return new Claim("d:" + org + ':' + type + ':' + id, credentials.token(), org, type, id);
        } catch (ApiException e) {
            return null; // not valid percent-encoding: the router answers
        }
    }

    /** True when the claim's token was verified before (see {@link CredentialCheck#knownGood}). */
    boolean knownGood(Claim claim) {
        return check.knownGood(claim.identity(), claim.token());
    }

    /**
     * Checks a claim (slow: PBKDF2, the database): null when its credentials are good, else what is wrong (for
     * the log).
     */
    String problem(Claim claim) {
        if (claim.isDevice()) {
            return check.checkDeviceToken(claim.org(), claim.type(), claim.id(), claim.token());
        }
        CredentialCheck.ApiKeyCheck key = check.checkApiKey(claim.identity(), claim.token());
        return key.isValid() ? null : key.problem();
    }

    /** The organization a request names, if any: an {@code org} parameter, or its host's first label. */
    public String targetOrg(String orgParam, String host) {
        if (orgParam != null && !orgParam.isEmpty()) {
            return orgParam;
        }
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

    /**
     * Whose token a request presents: {@code identity} is an API key, or a device's client id with its
     * {@code org}, {@code type} and {@code id}.
     */
    record Claim(String identity, String token, String org, String type, String id) {
        boolean isDevice() {
            return org != null;
        }

        /** The answer to wrong credentials of this kind. */
        String refusal() {
            return isDevice() ? BAD_DEVICE : BAD_API_KEY;
        }

        @Override
        public String toString() {
            return "Claim[" + identity + ", ****]";
        }
    }

    /** User name and password of HTTP Basic. */
    private record Credentials(String user, String token) {

        static Credentials of(String authorization) {
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                throw new ApiException(401, "This API needs HTTP Basic authentication: an API key as user name and "
                        + "its token as password [3.1.1]");
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ApiException(401,
                        "The Authorization header is not valid HTTP Basic (base64 of user:password)");
            }
            int colon = decoded.indexOf(':');
            return new Credentials(colon < 0 ? decoded : decoded.substring(0, colon),
                    colon < 0 ? "" : decoded.substring(colon + 1));
        }

        /** A device's credentials: the device user name, or a device's client id as user name. */
        boolean isDevice() {
            return user.equals(IotfNames.DEVICE_USERNAME) || user.startsWith("d:");
        }

        @Override
        public String toString() {
            return "Credentials[" + user + ", ****]";
        }
    }
}
