package io.cameliotf.emulator.console;

import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.SessionCallers;
import io.cameliotf.emulator.store.RegistryStore;

/**
 * The REST API's callers by console session cookie: an API key's session is that key (its organization only, as with
 * HTTP Basic); the administrator's acts for the organization each request names. Every change needs the CSRF header
 * ({@link CsrfCheck}).
 */
final class ConsoleCallers implements SessionCallers {

    static final String ENDED = "The console session has ended or is not known: sign in again";

    private final ConsoleSessions sessions;
    private final RegistryStore registry;

    ConsoleCallers(ConsoleSessions sessions, RegistryStore registry) {
        this.sessions = sessions;
        this.registry = registry;
    }

    @Override
    public ApiCaller caller(SessionRequest request) {
        String id = SessionCookie.value(request.cookie());
        if (id == null) {
            return null;
        }
        ConsoleSession s = sessions.find(id);
        if (s == null) {
            throw new ApiException(401, ENDED);
        }
        if (!CsrfCheck.passes(s, request.method(), request.csrf())) {
            throw new ApiException(403, CsrfCheck.REFUSAL);
        }
        return ApiCaller.application(org(s, request.targetOrg()), s.user());
    }

    /**
     * The organization a session's request acts for: an API key's own (naming another is refused, as with HTTP
     * Basic), or the one an administrator's request names.
     */
    String org(ConsoleSession s, String target) {
        if (!s.isAdmin()) {
            if (target != null && !target.equals(s.org())) {
                throw new ApiException(403, "API key " + s.apiKey() + " belongs to organization " + s.org()
                        + "; it cannot be used for organization " + target, target);
            }
            return s.org();
        }
        if (target == null || target.isEmpty()) {
            throw ApiException.badRequest("An administrator's console session must name the organization: add "
                    + "?org=<id> (or an org header)");
        }
        if (registry.organization(target).isEmpty()) {
            throw ApiException.notFound("Organization " + target + " does not exist", target);
        }
        return target;
    }
}
