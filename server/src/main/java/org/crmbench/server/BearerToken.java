package org.crmbench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.crmbench.CrmbenchException;

/**
 * The secret a client must send as {@code Authorization: Bearer <token>}. It is read from a file
 * or an environment variable, never from the command line (which every account can see in the
 * process list), and appears in no log, message or {@link #toString()}. Comparing SHA-256
 * digests with {@link MessageDigest#isEqual} takes the same time whatever the guess, so the
 * time of a 401 tells nothing about how much of a guess was right, not even its length.
 */
public final class BearerToken {
    /** The environment variable serve reads the token from when there is no --token-file. */
    public static final String ENVIRONMENT_VARIABLE = "CRMBENCH_TOKEN";
    /** 128 bits as hex or Base64 is 22–32 characters; anything shorter can be guessed. */
    static final int MIN_LENGTH = 16;

    private static final String SCHEME = "Bearer ";
    private static final Set<PosixFilePermission> READABLE_BY_OTHERS =
            Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private final byte[] digest;

    private BearerToken(byte[] digest) {
        this.digest = digest;
    }

    /** The token in {@code file} (its first line), which no other account may read. */
    public static BearerToken fromFile(Path file) {
        String source = "--token-file " + file;
        String token;
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (mode.stream().anyMatch(READABLE_BY_OTHERS::contains)) {
                throw new IllegalArgumentException(
                        source + " is readable by other accounts; make it yours only: chmod 600 " + file);
            }
            token = Files.readString(file).lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new CrmbenchException(
                    "Cannot read " + source + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").");
        }
        return of(source, token);
    }

    /** The token from the environment variable's value. */
    public static BearerToken fromEnvironment(String value) {
        return of(ENVIRONMENT_VARIABLE, value);
    }

    /** A token given in code (tests, embedders). */
    public static BearerToken of(String token) {
        return of("the token", token);
    }

    private static BearerToken of(String source, String token) {
        String t = token.strip();
        if (t.length() < MIN_LENGTH || !t.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException(source + ": the token must be at least " + MIN_LENGTH
                    + " printable characters without spaces, e.g. from: openssl rand -hex 32");
        }
        return new BearerToken(sha256(t));
    }

    /** Whether an {@code Authorization} header value carries this token. */
    boolean admits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return MessageDigest.isEqual(
                digest, sha256(authorization.substring(SCHEME.length()).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
