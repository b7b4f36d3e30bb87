package io.cameliotf.emulator.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows down token guessing, on MQTT and REST alike. Failed logins are counted per identity (an API key, or a
 * device's client id) and per remote address; the count decays, halving every {@code halfLife}. Once a count passes
 * its free failures, each further refusal is answered late: {@code firstDelay}, doubling with each failure, up to
 * {@code maxDelay} (the longer of the identity's and the address's delay applies). The caller holds the refusal back
 * without holding a thread (a scheduler, a timer), and the answer says nothing more than an immediate one would.
 * <p>
 * Logins that succeed are never delayed, whatever the counts: a legitimate client of a throttled identity or behind a
 * throttled address connects as fast as ever. A token this process has verified before is accepted before any of this
 * ({@link CredentialCheck#knownGood}), so reconnecting clients are not even counted. While {@code maxPending} delayed
 * refusals of an identity (or {@code maxPendingPerAddress} of an address) are waiting to be answered, a new login of
 * it that is not known good is answered "busy" at once, without its token being checked: this bounds how many guesses
 * run in parallel, and so the rate of guessing, which delays alone would not (a guesser opens many connections).
 * <p>
 * The counts live in memory, in one map of at most {@code maxTracked} identities and addresses together; the one used
 * longest ago is forgotten first. A guesser cannot push a target out, since every guess touches the target's entry.
 * The reference has no throttling (IoT Foundation 1.0); the numbers are this service's (docs/emulator.md, "Input rules
 * and credential throttling").
 */
public final class LoginThrottle {

    /** The numbers of the throttle. */
    public record Settings(int freePerIdentity, int freePerAddress, long firstDelayMillis, long maxDelayMillis,
            long halfLifeMillis, int maxPending, int maxPendingPerAddress, int maxTracked) {

        /** The service's defaults: see docs/emulator.md. */
        public static final Settings DEFAULT = new Settings(5, 30, 250, 8_000, 60_000, 4, 32, 100_000);

        /** No throttling at all (for benchmarks that measure refusals). */
        public static final Settings OFF = new Settings(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0, 1, Integer.MAX_VALUE,
                Integer.MAX_VALUE, 1);

        public Settings {
            if (freePerIdentity < 0 || freePerAddress < 0 || firstDelayMillis < 0 || maxDelayMillis < firstDelayMillis
                    || halfLifeMillis < 1 || maxPending < 1 || maxPendingPerAddress < 1 || maxTracked < 1) {
                throw new IllegalArgumentException("Login throttle settings out of range: " + this);
            }
        }
    }

    private final Settings settings;
    private final LongSupplier clock;
    private final Map<String, Counter> counters;

    public LoginThrottle(Settings settings) {
        this(settings, System::currentTimeMillis);
    }

    /** With a clock of milliseconds, for tests. */
    LoginThrottle(Settings settings, LongSupplier clock) {
        this.settings = settings;
        this.clock = clock;
        this.counters = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
                return size() > settings.maxTracked();
            }
        };
    }

    public Settings settings() {
        return settings;
    }

    /**
     * A login of {@code identity} (null when the client named none) from {@code address} that is about to be checked.
     * When it is {@link Attempt#busy() busy}, answer it at once and do not check its token.
     */
    public synchronized Attempt attempt(String identity, String address) {
        Counter byIdentity = identity == null ? null : counter("id:" + identity);
        Counter byAddress = address == null ? null : counter("ip:" + address);
        boolean busy = (byIdentity != null && byIdentity.pending >= settings.maxPending())
                || (byAddress != null && byAddress.pending >= settings.maxPendingPerAddress());
        return new Attempt(byIdentity, byAddress, busy);
    }

    /** How many identities and addresses are counted now (at most {@code maxTracked}). */
    public synchronized int tracked() {
        return counters.size();
    }

    private Counter counter(String key) {
        return counters.computeIfAbsent(key, k -> new Counter());
    }

    /** The delay of a refusal after {@code failures} recent failures of which {@code free} cost nothing. */
    long delay(double failures, int free) {
        long beyond = Math.round(failures) - free;
        if (beyond < 1 || settings.maxDelayMillis() == 0) {
            return 0;
        }
        long delay = settings.firstDelayMillis() << Math.min(beyond - 1, 30);
        return Math.min(delay, settings.maxDelayMillis());
    }

    /** One login being checked; see {@link LoginThrottle#attempt}. */
    public final class Attempt {
        private final Counter byIdentity;
        private final Counter byAddress;
        private final boolean busy;
        private boolean held;

        private Attempt(Counter byIdentity, Counter byAddress, boolean busy) {
            this.byIdentity = byIdentity;
            this.byAddress = byAddress;
            this.busy = busy;
        }

        /** True when too many refusals of its identity or address are waiting: refuse it at once, unchecked. */
        public boolean busy() {
            return busy;
        }

        /**
         * The login was refused for its credentials: counts the failure and says how many milliseconds to hold the
         * refusal back (0: answer now). When it is more than 0, call {@link #answered()} once the refusal is sent.
         */
        public long refused() {
            synchronized (LoginThrottle.this) {
                long now = clock.getAsLong();
                long delay = 0;
                if (byIdentity != null) {
                    delay = delay(byIdentity.fail(now, settings.halfLifeMillis()), settings.freePerIdentity());
                }
                if (byAddress != null) {
                    delay = Math.max(delay, delay(byAddress.fail(now, settings.halfLifeMillis()),
                            settings.freePerAddress()));
                }
                if (delay > 0) {
                    held = true;
                    hold(1);
                }
                return delay;
            }
        }

        /** A held refusal was answered: it no longer counts as waiting. */
        public void answered() {
            synchronized (LoginThrottle.this) {
                if (held) {
                    held = false;
                    hold(-1);
                }
            }
        }

        private void hold(int change) {
            if (byIdentity != null) {
                byIdentity.pending += change;
            }
            if (byAddress != null) {
                byAddress.pending += change;
            }
        }
    }

    /** The recent failures of one identity or address, decaying exponentially, and its refusals being held. */
    private static final class Counter {
        double failures;
        long updated;
        int pending;

        /** Adds a failure at {@code now}; returns the count including it. */
        double fail(long now, long halfLife) {
            if (failures > 0) {
                failures *= Math.pow(0.5, Math.max(0, now - updated) / (double) halfLife);
            }
            updated = now;
            failures += 1;
            return failures;
        }
    }
}
