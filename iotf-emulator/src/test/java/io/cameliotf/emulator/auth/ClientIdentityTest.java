package io.cameliotf.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientIdentityTest {

    @Test
    void parsesTheThreeKinds() {
        ClientIdentity d = ClientIdentity.parse("d:org001:sensor:dev-1.a_b");
        assertThat(d.kind()).isEqualTo(ClientIdentity.Kind.DEVICE);
        assertThat(d.org()).isEqualTo("org001");
        assertThat(d.deviceType()).isEqualTo("sensor");
        assertThat(d.deviceId()).isEqualTo("dev-1.a_b");
        ClientIdentity a = ClientIdentity.parse("a:org001:my:app");
        assertThat(a.kind()).isEqualTo(ClientIdentity.Kind.APPLICATION);
        assertThat(a.appId()).isEqualTo("my:app");
        assertThat(ClientIdentity.parse("A:org001:grp").isShared()).isTrue();
        assertThat(ClientIdentity.parse("d:quickstart:t:i").isQuickstart()).isTrue();
        ClientIdentity g = ClientIdentity.parse("g:org001:gw:gw-1");
        assertThat(g.kind()).isEqualTo(ClientIdentity.Kind.GATEWAY);
        assertThat(g.isGateway()).isTrue();
        assertThat(g.isDevice()).isFalse();
        assertThat(g.isApplication()).isFalse();
        assertThat(g.deviceType()).isEqualTo("gw");
        assertThat(g.deviceId()).isEqualTo("gw-1");
        assertThat(g.deviceClientId()).isEqualTo("d:org001:gw:gw-1");
    }

    @Test
    void sharedIdsLoseTheirBrokerSuffix() {
        String unique = SharedClientIds.unique("A:org001:grp");
        assertThat(unique).startsWith("A:org001:grp/");
        assertThat(SharedClientIds.original(unique)).isEqualTo("A:org001:grp");
        assertThat(SharedClientIds.original("a:org001:x")).isEqualTo("a:org001:x");
    }

    @Test
    void malformedIdsSayWhy() {
        assertThatThrownBy(() -> ClientIdentity.parse("a:org:ap/p")).hasMessageContaining("application id contains '/'");
        assertThatThrownBy(() -> ClientIdentity.parse("a:or-g:app")).hasMessageContaining("organization contains '-'");
        assertThatThrownBy(() -> ClientIdentity.parse("d:org:type")).hasMessageContaining("d:<org>:<type>:<id>");
        assertThatThrownBy(() -> ClientIdentity.parse("g:org:gw")).hasMessageContaining("g:<org>:<type>:<id>");
        assertThatThrownBy(() -> ClientIdentity.parse("g:org:gw:a/b")).hasMessageContaining("gateway id contains '/'");
        assertThatThrownBy(() -> ClientIdentity.parse("")).isInstanceOf(MalformedClientIdException.class);
    }
}
