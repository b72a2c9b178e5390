package io.harmattan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress addresses = new ClientAddress(List.of("127.0.0.0/8", "::1/128", "10.8.0.0/16"));

    @Test
    void aDirectClientIsItsConnection() {
        assertThat(addresses.resolve("198.51.100.4", List.of())).isEqualTo("198.51.100.4");
        assertThat(addresses.resolve("198.51.100.4", List.of("203.0.113.9"))).as("an untrusted peer's header is ignored")
                .isEqualTo("198.51.100.4");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedAddressIsTheClient() {
        assertThat(addresses.resolve("127.0.0.1", List.of("198.51.100.4"))).isEqualTo("198.51.100.4");
        assertThat(addresses.resolve("127.0.0.1", List.of("6.6.6.6, 198.51.100.4"))).isEqualTo("198.51.100.4");
        assertThat(addresses.resolve("127.0.0.1", List.of("6.6.6.6, 198.51.100.4, 10.8.3.1"))).isEqualTo("198.51.100.4");
        assertThat(addresses.resolve("::1", List.of("6.6.6.6", "198.51.100.4,10.8.3.1"))).as("repeated headers form one chain")
                .isEqualTo("198.51.100.4");
        assertThat(addresses.resolve("127.0.0.1", List.of("2001:db8::5"))).isEqualTo("2001:db8::5");
        assertThat(addresses.resolve("127.0.0.1", List.of("[2001:db8::5]:4711"))).isEqualTo("[2001:db8::5]:4711");
    }

    @Test
    void garbageIsAnAddressOfItsOwnNotAProxy() {
        assertThat(addresses.resolve("127.0.0.1", List.of("127.0.0.5, not-an-address"))).isEqualTo("not-an-address");
        assertThat(addresses.resolve("127.0.0.1", List.of("10.8.0.1, 127.0.0.999"))).isEqualTo("127.0.0.999");
        assertThat(addresses.resolve("127.0.0.1", List.of("10.8.0.1, 127.0.0.2"))).as("all trusted: the left-most")
                .isEqualTo("10.8.0.1");
    }

    @Test
    void networksMatchByPrefix() {
        assertThat(ClientAddress.Network.parse("10.8.0.0/16").contains(ClientAddress.Network.literal("10.8.255.1"))).isTrue();
        assertThat(ClientAddress.Network.parse("10.8.0.0/16").contains(ClientAddress.Network.literal("10.9.0.1"))).isFalse();
        assertThat(ClientAddress.Network.parse("::1/128").contains(ClientAddress.Network.literal("::1"))).isTrue();
        assertThat(ClientAddress.Network.parse("0.0.0.0/0").contains(ClientAddress.Network.literal("::ffff:192.0.2.1"))).isTrue();
        assertThatThrownBy(() -> ClientAddress.Network.parse("proxy.example.org")).isInstanceOf(IllegalArgumentException.class);
    }
}
