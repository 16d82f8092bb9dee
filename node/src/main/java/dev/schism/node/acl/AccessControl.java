package dev.schism.node.acl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.ClientInfo;
import org.apache.zookeeper.data.Id;

/**
 * The decisions ZooKeeper's server makes about ACLs, as pure functions of a node's ACL and the requester's
 * identities: may it do this, what does the ACL it asked for become, what does whoAmI tell it, what part
 * of an ACL may it see. Deterministic, so every replica that applies a write decides alike.
 */
public final class AccessControl {
    /** The identity a connection gets when its digest credentials match the configured superDigest. */
    public static final Id SUPER = new Id("super", "");

    private AccessControl() {
    }

    /** True when {@code acl} grants {@code perm} to one of {@code ids}; an empty ACL and super allow all. */
    public static boolean allows(List<ACL> acl, int perm, Collection<Id> ids) {
        if (acl == null || acl.isEmpty() || ids.stream().anyMatch(id -> "super".equals(id.getScheme()))) {
            return true;
        }
        for (ACL a : acl) {
            if ((a.getPerms() & perm) == 0) {
                continue;
            }
            Id id = a.getId();
            if ("world".equals(id.getScheme()) && "anyone".equals(id.getId())) {
                return true;
            }
            for (Id who : ids) {
                if (who.getScheme().equals(id.getScheme()) && matches(id.getScheme(), who.getId(), id.getId())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(String scheme, String identity, String aclId) {
        return switch (scheme) {
            case "digest" -> identity.equals(aclId);
            case "ip" -> IpScheme.matches(identity, aclId);
            default -> false;
        };
    }

    /**
     * The ACL as it will be stored: duplicates dropped, {@code auth} entries replaced by the requester's
     * authenticated identities (digest; an IP address is not a proof), every other id checked for its
     * scheme's syntax. Null means InvalidACL.
     */
    public static List<ACL> fixup(List<ACL> requested, List<Id> ids) {
        if (requested == null) {
            return null;
        }
        List<ACL> unique = new ArrayList<>();
        for (ACL a : requested) {
            if (!unique.contains(a)) {
                unique.add(a);
            }
        }
        if (unique.isEmpty()) {
            return null;
        }
        List<ACL> out = new ArrayList<>();
        for (ACL a : unique) {
            Id id = a == null ? null : a.getId();
            if (id == null || id.getScheme() == null) {
                return null;
            }
            if ("world".equals(id.getScheme()) && "anyone".equals(id.getId())) {
                out.add(a);
            } else if ("auth".equals(id.getScheme())) {
                List<Id> proven = ids.stream().filter(who -> "digest".equals(who.getScheme())).toList();
                if (proven.isEmpty()) {
                    return null;
                }
                proven.forEach(who -> out.add(new ACL(a.getPerms(), who)));
            } else if (isValid(id)) {
                out.add(a);
            } else {
                return null;
            }
        }
        return out;
    }

    private static boolean isValid(Id id) {
        if (id.getId() == null) {
            return false;
        }
        return switch (id.getScheme()) {
            case "digest" -> DigestScheme.isValid(id.getId());
            case "ip" -> IpScheme.isValid(id.getId());
            default -> false;
        };
    }

    /** whoAmI's answer: each identity's scheme and user name (super has none). */
    public static List<ClientInfo> whoAmI(Collection<Id> ids) {
        List<ClientInfo> out = new ArrayList<>();
        for (Id id : ids) {
            String user = switch (id.getScheme()) {
                case "digest" -> DigestScheme.user(id.getId());
                case "ip" -> id.getId();
                default -> "";
            };
            out.add(new ClientInfo(id.getScheme(), user));
        }
        return out;
    }

    /** getACL without ADMIN: digest hashes are hidden, as ZooKeeper hides them, so they cannot be attacked offline. */
    public static List<ACL> redacted(List<ACL> acl) {
        List<ACL> out = new ArrayList<>(acl.size());
        for (ACL a : acl) {
            Id id = a.getId();
            out.add("digest".equals(id.getScheme())
                    ? new ACL(a.getPerms(), new Id(id.getScheme(), id.getId().replaceAll(":.*", ":x"))) : a);
        }
        return out;
    }

    /**
     * The identities an auth packet adds, or null when ZooKeeper would answer AuthFailed (a scheme it has no
     * provider for). Digest credentials matching {@code superDigest} also make the connection super.
     */
    public static List<Id> authenticate(String scheme, byte[] auth, String remoteAddress, String superDigest) {
        switch (scheme) {
            case "digest" -> {
                String identity = DigestScheme.identity(new String(auth, java.nio.charset.StandardCharsets.UTF_8));
                return identity.equals(superDigest) ? List.of(SUPER, new Id("digest", identity))
                        : List.of(new Id("digest", identity));
            }
            case "ip" -> {
                return List.of(new Id("ip", remoteAddress));
            }
            default -> {
                return null;
            }
        }
    }
}
