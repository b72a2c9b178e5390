package io.harmattan.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the person behind a request, for rate limits and records. Quarkus takes the
 * left-most {@code X-Forwarded-For} entry, which the client writes itself: a proxy that appends
 * to the header keeps whatever the client sent in front. Here the chain is read from the right:
 * the connection's peer, then each entry that a trusted proxy added, and the first address that
 * is not one of our proxies is the client's. A made-up entry can only sit to the left of it.
 */
@ApplicationScoped
public class ClientAddress {

    private final List<Network> trusted;

    @Inject
    public ClientAddress(@ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Network::parse).toList();
    }

    /** The client's address: the right-most address in the chain that is not a trusted proxy. */
    public String of(HttpServerRequest request) {
        SocketAddress peer = request.connection() == null ? request.remoteAddress() : request.connection().remoteAddress();
        String peerAddress = peer == null ? "" : peer.hostAddress();
        return resolve(peerAddress, request.headers().getAll("X-Forwarded-For"));
    }

    String resolve(String peer, List<String> forwardedFor) {
        List<String> chain = new ArrayList<>();
        for (String header : forwardedFor) {
            Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(chain::add);
        }
        chain.add(peer);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String address = chain.get(i);
            if (i == 0 || !isTrusted(address)) {
                return address;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = Network.literal(address);
        return bytes != null && trusted.stream().anyMatch(network -> network.contains(bytes));
    }

    /** A network in CIDR notation, or one address. */
    record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            byte[] address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("trusted proxy must be an IP address or a CIDR network: " + cidr);
            }
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            return new Network(address, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int width = address.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(width - bits).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, prefix).and(mask));
        }

        /** The bytes of an IPv4 or IPv6 literal (brackets and ports tolerated), never a DNS lookup; null otherwise. */
        static byte[] literal(String text) {
            String address = text.strip();
            if (address.startsWith("[")) {
                int close = address.indexOf(']');
                address = close < 0 ? "" : address.substring(1, close);
            } else if (address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':')) {
                address = address.substring(0, address.indexOf(':'));
            }
            boolean ipv4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                    && Arrays.stream(address.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
            boolean ipv6 = !ipv4 && address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
            if (!ipv4 && !ipv6) {
                return null;
            }
            try {
                byte[] bytes = InetAddress.getByName(address).getAddress();
                return bytes.length == 16 && isMappedIpv4(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
            } catch (UnknownHostException | SecurityException e) {
                return null;
            }
        }

        private static boolean isMappedIpv4(byte[] bytes) {
            for (int i = 0; i < 10; i++) {
                if (bytes[i] != 0) {
                    return false;
                }
            }
            return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        }
    }
}
