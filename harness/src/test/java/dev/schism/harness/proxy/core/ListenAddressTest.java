package dev.schism.harness.proxy.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Listen strings resolved and printed the way Go's net package does (no sockets involved: pure formatting). */
class ListenAddressTest {

    @ParameterizedTest
    @CsvSource({
        "localhost:3310, 127.0.0.1:3310",
        "127.0.0.1:0, 127.0.0.1:0",
        "0.0.0.0:8666, 0.0.0.0:8666",
        ":8666, :8666",
        "'', :0",
        "[::]:8666, [::]:8666",
        "[::1]:5, [::1]:5",
    })
    void resolvesLikeGo(String listen, String resolved) throws ProxyException {
        assertEquals(resolved, ListenAddress.resolve(listen).resolvedText());
    }

    @ParameterizedTest
    @CsvSource({
        "no-port, listen tcp: address no-port: missing port in address",
        "127.0.0.1:99999, listen tcp: address 127.0.0.1:99999: invalid port",
        "127.0.0.1:abc, listen tcp: address 127.0.0.1:abc: invalid port",
        "::1:80, listen tcp: address ::1:80: too many colons in address",
    })
    void rejectsBadAddressesWith500(String listen, String message) {
        ProxyException e = assertThrows(ProxyException.class, () -> ListenAddress.resolve(listen));
        assertEquals(500, e.status());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "0:0:0:0:0:0:0:1, ::1",
        "0:0:0:0:0:0:0:0, ::",
        "fe80:0:0:0:1:2:3:4, fe80::1:2:3:4",
        "1:0:2:0:3:0:4:5, 1:0:2:0:3:0:4:5",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    })
    void compressesIpv6LikeGo(String full, String compressed) {
        assertEquals(compressed, ListenAddress.compressIpv6(full));
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0, 4000, [::]:4000", "127.0.0.1, 4001, 127.0.0.1:4001", "::1, 4002, [::1]:4002"})
    void formatsBoundAddresses(String host, int port, String printed) {
        assertEquals(printed, ListenAddress.formatBound(new InetSocketAddress(host, port)));
    }
}
