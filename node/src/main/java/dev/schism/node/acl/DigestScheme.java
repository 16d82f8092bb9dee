package dev.schism.node.acl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The digest scheme: a client proves "user:password"; the identity it gets, and the id an ACL names, is
 * "user:" + base64(SHA-1("user:password")), so the server never stores a password.
 */
public final class DigestScheme {
    private DigestScheme() {
    }

    /** The identity of credentials "user:password" (the text an {@code addAuthInfo("digest", ..)} sends). */
    public static String identity(String userAndPassword) {
        String user = userAndPassword.split(":", 2)[0];
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA1").digest(userAndPassword.getBytes(StandardCharsets.UTF_8));
            return user + ":" + Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA1", e);
        }
    }

    /** A well-formed digest ACL id has exactly one colon between a user and a hash. */
    static boolean isValid(String id) {
        return id.split(":").length == 2;
    }

    /** The user part of an identity, which whoAmI reports. */
    static String user(String id) {
        return id.split(":")[0];
    }
}
