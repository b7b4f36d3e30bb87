package io.cameliotf.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cameliotf.emulator.registry.ApiKeyCredentials;
import io.cameliotf.emulator.registry.ApiKeys;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.registry.NewDeviceType;
import io.cameliotf.emulator.registry.Provisioning;
import io.cameliotf.emulator.registry.Revocations;
import io.cameliotf.emulator.store.Database;
import io.cameliotf.emulator.store.DeviceType;
import io.cameliotf.emulator.store.DeviceTypeStore;
import io.cameliotf.emulator.store.RegistryStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The check itself, on an in-memory registry: what it refuses, and that a refusal costs the same PBKDF2 whether the
 * identity exists or not (with a hash cost high enough that the hash is all that a refusal costs). Cost is the CPU time
 * of the calling thread, which runs the check: what other processes do to the machine does not change it.
 */
class CredentialCheckTest {

    /** About 30 ms per hash here: what a refusal costs is the hash, or nothing. */
    private static final int SLOW = 100_000;

    private Database db;
    private CredentialCheck check;
    private ApiKeyCredentials key;
    private String deviceToken;

    @BeforeEach
    void registry() {
        db = Database.open(null);
        TokenHasher hasher = new TokenHasher(SLOW);
        Clock clock = Clock.systemUTC();
        new Provisioning(db, hasher, clock).createOrganization("orgc", null);
        key = new ApiKeys(db, hasher, clock, new Revocations()).create("orgc");
        DeviceRegistry devices = new DeviceRegistry(db, hasher, clock, new Revocations());
        deviceToken = devices.register("orgc", "sensor", "d1").token();
        check = new CredentialCheck(new RegistryStore(db), devices.store(), new DeviceTypeStore(db), hasher, new VerifiedTokens(),
                new LoginThrottle(LoginThrottle.Settings.DEFAULT));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void tokensFollowedByControlCharactersAreRefusedThoughTheHashMatches() {
        assertThat(check.checkApiKey(key.key(), key.token()).isValid()).as("positive control").isTrue();
        for (String suffix : new String[] {"\0", "\0\0", "\u0001", "\n", "\u007f"}) {
            assertThat(check.checkApiKey(key.key(), key.token() + suffix).problem()).contains("control character");
            assertThat(check.checkDeviceToken("orgc", "sensor", "d1", deviceToken + suffix)).contains("control character");
            assertThat(check.check("d:orgc:sensor:d1", IotfNames.DEVICE_USERNAME, deviceToken + suffix, true)
                    .badCredentials()).isTrue();
        }
        assertThat(check.checkDeviceToken("orgc", "sensor", "d1", deviceToken)).as("positive control").isNull();
    }

    @Test
    void unknownAndKnownIdentitiesAreRefusedAlikeAndAtTheSameCost() {
        AuthResult unknown = check.check("a:orgc:app", "a-orgc-nosuchkey0", "guess", true);
        AuthResult wrong = check.check("a:orgc:app", key.key(), "guess", true);
        assertThat(unknown.badCredentials()).isTrue();
        assertThat(wrong.badCredentials()).isTrue();
        assertThat(unknown.clientReason()).isEqualTo(wrong.clientReason()).isEqualTo(AuthResult.BAD_CREDENTIALS);
        assertThat(unknown.refusal()).isEqualTo(wrong.refusal());

        // interleaved, so that whatever else the machine does falls on both alike
        List<Long> unknownKey = new ArrayList<>();
        List<Long> wrongToken = new ArrayList<>();
        List<Long> unknownDevice = new ArrayList<>();
        List<Long> wrongDeviceToken = new ArrayList<>();
        List<Long> unknownOrg = new ArrayList<>();
        for (int n = 0; n < 9; n++) {
            int i = n;
            unknownKey.add(nanos(() -> check.checkApiKey("a-orgc-unknown" + i + "00", "guess")));
            wrongToken.add(nanos(() -> check.checkApiKey(key.key(), "guess" + i)));
            unknownDevice.add(nanos(() -> check.checkDeviceToken("orgc", "sensor", "nobody" + i, "guess")));
            wrongDeviceToken.add(nanos(() -> check.checkDeviceToken("orgc", "sensor", "d1", "guess" + i)));
            unknownOrg.add(nanos(() -> check.check("d:nosuch" + i + ":sensor:d1", IotfNames.DEVICE_USERNAME, "g", true)));
        }
        // one PBKDF2 of 100,000 iterations each (some 30 ms of CPU), against a lookup that costs well under a
        // millisecond: without the dummy hash the unknown identities would cost dozens of times less
        assertThat(ratio(unknownKey, wrongToken)).isBetween(0.5, 2.0);
        assertThat(ratio(unknownDevice, wrongDeviceToken)).isBetween(0.5, 2.0);
        assertThat(ratio(unknownOrg, wrongDeviceToken)).isBetween(0.5, 2.0);
    }

    @Test
    void aVerifiedTokenIsKnownGoodUntilItChanges() {
        assertThat(check.knownGood(key.key(), key.token())).isFalse();
        assertThat(check.checkApiKey(key.key(), key.token()).isValid()).isTrue();
        assertThat(check.knownGood(key.key(), key.token())).isTrue();
        assertThat(check.knownGood(key.key(), key.token() + "\0")).isFalse();
        assertThat(check.knownGood("a-orgc-nosuchkey0", key.token())).isFalse();
        assertThat(CredentialCheck.identity("d:orgc:sensor:d1", "use-token-auth")).isEqualTo("d:orgc:sensor:d1");
        assertThat(CredentialCheck.identity("a:orgc:app", key.key())).isEqualTo(key.key());
        assertThat(CredentialCheck.identity("a:orgc:app", null)).isNull();
        assertThat(CredentialCheck.identity("g:orgc:gw:g1", "use-token-auth")).isEqualTo("d:orgc:gw:g1");
    }

    @Test
    void aGatewayIsADeviceOfAGatewayType() {
        DeviceRegistry devices = new DeviceRegistry(db, new TokenHasher(SLOW), Clock.systemUTC(), new Revocations());
        devices.createType("orgc", new NewDeviceType("gw", DeviceType.GATEWAY, null, null, null));
        String gwToken = devices.register("orgc", "gw", "g1").token();
        AuthResult gateway = check.check("g:orgc:gw:g1", IotfNames.DEVICE_USERNAME, gwToken, true);
        assertThat(gateway.isAccepted()).isTrue();
        assertThat(gateway.identity().isGateway()).isTrue();
        AuthResult notAGateway = check.check("g:orgc:sensor:d1", IotfNames.DEVICE_USERNAME, deviceToken, true);
        assertThat(notAGateway.badCredentials()).isTrue();
        assertThat(notAGateway.reason()).contains("classId is not 'Gateway'");
        assertThat(check.check("g:orgc:gw:g1", IotfNames.DEVICE_USERNAME, deviceToken, true).badCredentials()).isTrue();
        assertThat(check.check("g:orgc:gw:g1", "someone", gwToken, true).isAccepted()).isFalse();
        assertThat(check.check("g:quickstart:gw:g1", null, null, true).isAccepted()).isFalse();
        // a gateway's device may still connect as a device
        assertThat(check.check("d:orgc:gw:g1", IotfNames.DEVICE_USERNAME, gwToken, true).isAccepted()).isTrue();
    }

    /** The CPU time {@code call} takes on this thread. */
    private static long nanos(Supplier<?> call) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        call.get();
        return threads.getCurrentThreadCpuTime() - start;
    }

    private static double ratio(List<Long> a, List<Long> b) {
        return (double) median(a) / median(b);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
