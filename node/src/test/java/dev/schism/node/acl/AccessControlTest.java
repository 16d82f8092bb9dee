package dev.schism.node.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessControlTest {
    private static final Id LOCAL = new Id("ip", "127.0.0.1");

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
        "127.0.0.1, 127.0.0.1, true",
        "127.0.0.1, 127.0.0.2, false",
        "127.0.0.1, 127.0.0.0/8, true",
        "127.9.8.7, 127.0.0.0/8, true",
        "128.0.0.1, 127.0.0.0/8, false",
        "10.1.2.3, 10.1.2.0/23, true",
        "10.1.3.3, 10.1.2.0/23, true",
        "10.1.4.3, 10.1.2.0/23, false",
        "10.1.2.3, 0.0.0.0/0, true",
        "127.0.0.1, 127.0.0.1/33, false",
        "127.0.0.1, ::1, false",
        "::1, ::1, true",
        "0:0:0:0:0:0:0:1, ::1/128, true",
        "fe80::1:2, fe80::/16, true",
        "fe81::1:2, fe80::/16, false",
        "127.0.0.1, localhost, false",
    })
    void ipAclsMatchAddressesAndRanges(String client, String expr, boolean expected) {
        List<ACL> acl = List.of(new ACL(Perms.READ, new Id("ip", expr)));
        assertEquals(expected, AccessControl.allows(acl, Perms.READ, List.of(new Id("ip", client))));
    }

    @Test
    void permissionBitsAreCheckedPerEntry() {
        Id alice = new Id("digest", DigestScheme.identity("alice:pw"));
        List<ACL> acl = List.of(new ACL(Perms.READ, new Id("world", "anyone")),
                new ACL(Perms.WRITE | Perms.ADMIN, alice));
        assertEquals(true, AccessControl.allows(acl, Perms.READ, List.of(LOCAL)));
        assertEquals(false, AccessControl.allows(acl, Perms.WRITE, List.of(LOCAL)));
        assertEquals(true, AccessControl.allows(acl, Perms.WRITE, List.of(LOCAL, alice)));
        assertEquals(false, AccessControl.allows(acl, Perms.DELETE, List.of(LOCAL, alice)));
        assertEquals(true, AccessControl.allows(acl, Perms.DELETE, List.of(AccessControl.SUPER)));
        assertEquals(true, AccessControl.allows(List.of(), Perms.DELETE, List.of()), "an empty ACL allows all");
    }

    @Test
    void digestIdentityIsUserAndBase64Sha1() {
        // the value ZooKeeper's DigestAuthenticationProvider prints for "super:test"
        assertEquals("super:D/InIHSb7yEEbrWz8b9l71RjZJU=", DigestScheme.identity("super:test"));
    }

    @Test
    void authIsExpandedToTheDigestIdentitiesAndInvalidIdsAreRefused() {
        Id alice = new Id("digest", DigestScheme.identity("alice:pw"));
        List<ACL> creatorAll = List.of(new ACL(Perms.ALL, new Id("auth", "")));
        assertEquals(List.of(new ACL(Perms.ALL, alice)), AccessControl.fixup(creatorAll, List.of(LOCAL, alice)));
        assertNull(AccessControl.fixup(creatorAll, List.of(LOCAL)), "an IP address proves no one");
        assertNull(AccessControl.fixup(List.of(), List.of(alice)));
        assertNull(AccessControl.fixup(List.of(new ACL(1, new Id("digest", "nocolon"))), List.of()));
        assertNull(AccessControl.fixup(List.of(new ACL(1, new Id("world", "someone"))), List.of()));
        assertNull(AccessControl.fixup(List.of(new ACL(1, new Id("sasl", "x"))), List.of()));
        List<ACL> twice = List.of(new ACL(1, new Id("ip", "10.0.0.0/8")), new ACL(1, new Id("ip", "10.0.0.0/8")));
        assertEquals(twice.subList(0, 1), AccessControl.fixup(twice, List.of()));
    }

    @Test
    void authenticationAddsIdentitiesOrFails() {
        String superDigest = DigestScheme.identity("super:pw");
        assertEquals(List.of(AccessControl.SUPER, new Id("digest", superDigest)),
                AccessControl.authenticate("digest", "super:pw".getBytes(), "127.0.0.1", superDigest));
        assertEquals(List.of(new Id("digest", DigestScheme.identity("bob:pw"))),
                AccessControl.authenticate("digest", "bob:pw".getBytes(), "127.0.0.1", superDigest));
        assertNull(AccessControl.authenticate("kerberos", new byte[0], "127.0.0.1", null));
        assertEquals("[1 digest:alice:x, 1 world:anyone]", AccessControl.redacted(List.of(
                new ACL(1, new Id("digest", "alice:abc")), new ACL(1, new Id("world", "anyone")))).stream()
                .map(a -> a.getPerms() + " " + a.getId().getScheme() + ":" + a.getId().getId()).toList().toString());
    }
}
