package io.carehub.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * R15/R16: the token of a one-time link: 256 random bits, base64url (43 characters, fit for a URL path). The hub
 * stores only its SHA-256 hash: unguessable tokens need no secret key to hash, and a database copy cannot open a link.
 *
 * @param token what goes into the link, never into the database or a log
 * @param hash  what the hub stores and looks the link up by
 */
public record OneTimeToken(String token, byte[] hash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static OneTimeToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new OneTimeToken(token, hash(token));
    }

    /** The stored hash of a token from a link (any string: a wrong one simply matches nothing). */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A token as {@link #generate} makes them; anything else is refused before the database is asked. */
    public static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    @Override
    public String toString() {
        return "OneTimeToken[...]"; // never the token itself, not even in a debugger's or an exception's text
    }
}
