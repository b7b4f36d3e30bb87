package io.cameliotf.emulator.api;

/**
 * Who a request that presents a web console session cookie (and no HTTP Basic credentials) calls the API as. The
 * console owns its sessions ({@code io.cameliotf.emulator.console}); the API only asks through this. An API key's
 * session is that key exactly as HTTP Basic with it would be; an administrator's may act for any organization, which
 * each request names ({@code org}).
 */
public interface SessionCallers {

    /** No console: a cookie is never a caller. */
    SessionCallers NONE = request -> null;

    /**
     * The caller of {@code request}, or null when it presents no console session cookie at all (the API then asks for
     * HTTP Basic as before).
     *
     * @throws ApiException 401 when the session is unknown or ended, 403 when a change lacks its CSRF header or an API
     *         key's session names another organization, 400 when an administrator names no organization, 404 when
     *         it names one that does not exist
     */
    ApiCaller caller(SessionRequest request);

    /**
     * What of a request decides its session caller.
     *
     * @param cookie the request's Cookie header
     * @param csrf its {@code X-IoTF-CSRF} header, or null
     * @param method the HTTP method
     * @param targetOrg the organization the request names ({@code org} parameter or header, or the host), or null
     */
    record SessionRequest(String cookie, String csrf, String method, String targetOrg) {
        @Override
        public String toString() {
            return "SessionRequest[" + method + ", org " + targetOrg + "]"; // never the cookie or the token
        }
    }
}
