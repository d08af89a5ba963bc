package org.crmbench.db;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.crmbench.CrmbenchException;

/**
 * Files and directories only their owner may read or change: crmbench's home ({@code 0700}),
 * the password file ({@code 0600}), and the tests of who else could have written a file.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS_WRITE =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final Set<PosixFilePermission> OTHERS_ANY = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    /** Looked up once: the walk over the binaries asks for every file. */
    private static final UserPrincipal CURRENT_USER = lookUpCurrentUser();

    private PrivateFiles() {}

    /** Creates {@code dir} (and its parents) if missing and makes it the owner's only. */
    static void ownerOnlyDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (isMine(attributes(dir))) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
        }
    }

    /** Writes {@code file} whole, readable by its owner only from the first byte on. */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(
                dir, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try {
            Files.writeString(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static PosixFileAttributes attributes(Path path) throws IOException {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
    }

    static boolean isMine(PosixFileAttributes attributes) {
        return attributes.owner().equals(CURRENT_USER);
    }

    static boolean writableByOthers(PosixFileAttributes attributes) {
        return !isMine(attributes) || attributes.permissions().stream().anyMatch(OTHERS_WRITE::contains);
    }

    /** Whether any other account has any access (read, write or search). */
    static boolean openToOthers(PosixFileAttributes attributes) {
        return !isMine(attributes) || attributes.permissions().stream().anyMatch(OTHERS_ANY::contains);
    }

    /** {@code 0755}-style text of a file's mode, for messages. */
    static String mode(PosixFileAttributes attributes) {
        int mode = 0;
        for (PosixFilePermission p : attributes.permissions()) {
            mode |= 1 << (8 - p.ordinal());
        }
        return String.format(Locale.ROOT, "%04o", mode);
    }

    private static UserPrincipal lookUpCurrentUser() {
        try {
            return FileSystems.getDefault()
                    .getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException e) {
            throw new CrmbenchException(
                    "Cannot look up the current account (" + System.getProperty("user.name") + "): " + e.getMessage(),
                    e);
        }
    }
}
