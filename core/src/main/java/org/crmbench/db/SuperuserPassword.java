package org.crmbench.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.crmbench.CrmbenchException;

/**
 * The embedded server's superuser password: random, generated once per data directory, kept in
 * a file only its owner can read, in libpq's password-file format ({@code *:*:*:postgres:…}) so
 * that psql and pgbench connect with {@code passfile=} and nobody has to see or type it.
 */
final class SuperuserPassword {
    /** The embedded server\'s superuser, whose password this class keeps. */
    public static final String SUPERUSER = "postgres";

    /** 192 bits; URL-safe Base64 has neither of the two characters a password file escapes (: and \). */
    private static final int RANDOM_BYTES = 24;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    SuperuserPassword(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The password in the file, if the file exists; refused if another account could read or change it. */
    Optional<String> read() {
        String text;
        try {
            requirePrivate();
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CrmbenchException("Cannot read the database password file " + file + ": " + e.getMessage(), e);
        }
        return text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.substring(line.lastIndexOf(':') + 1))
                .findFirst()
                .or(() -> {
                    throw new CrmbenchException("The database password file " + file
                            + " has no password line; restore it, or start over with 'crmbench db reset'.");
                });
    }

    /** The password, generated and written first if there is none yet. */
    String readOrCreate() {
        return read().orElseGet(this::create);
    }

    private String create() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            PrivateFiles.writeOwnerOnly(
                    file,
                    "# The password of crmbench's embedded PostgreSQL superuser, in libpq's password-file\n"
                            + "# format: psql \"postgresql://postgres@127.0.0.1:PORT/postgres?passfile=" + file
                            + "\"\n"
                            + "*:*:*:" + SUPERUSER + ":" + password + "\n");
        } catch (IOException e) {
            throw new CrmbenchException("Cannot write the database password file " + file + ": " + e.getMessage(), e);
        }
        return password;
    }

    /** Tightens a file of ours to 0600; refuses one another account owns. */
    private void requirePrivate() throws IOException {
        PosixFileAttributes attributes = PrivateFiles.attributes(file);
        if (!PrivateFiles.isMine(attributes)) {
            throw new CrmbenchException("The database password file " + file + " belongs to "
                    + attributes.owner().getName() + ", not to you; crmbench will not use it.");
        }
        if (PrivateFiles.openToOthers(attributes)) {
            Files.setPosixFilePermissions(file, PrivateFiles.OWNER_ONLY_FILE);
        }
    }
}
