package org.crmbench.db;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import org.crmbench.CrmbenchException;

/**
 * The PostgreSQL binaries crmbench is about to execute, refused when another account could have
 * replaced them: every file and directory under the binaries directory must be the user's, and
 * none that another account can reach may be writable by it.
 *
 * <p>zonky makes the directory it unpacks into world-writable (meant for a shared temporary
 * directory). Inside a home only its owner can enter that exposes nothing, so crmbench keeps
 * {@code ~/.crmbench} at 0700 and puts the directory back to 0700 after each start; a directory
 * that others could reach and write is refused, with the command that fixes it.
 */
final class TrustedBinaries {
    private TrustedBinaries() {}

    /** Refuses the binaries under {@code binaries} if someone else could have replaced them. */
    static void check(Path binaries) {
        if (!Files.exists(binaries, LinkOption.NOFOLLOW_LINKS)) {
            return; // zonky unpacks them now, into the home made private before
        }
        try {
            visit(binaries, binaries, reachableByOthers(binaries.getParent()));
        } catch (IOException e) {
            throw new CrmbenchException(
                    "Cannot check the PostgreSQL binaries in " + binaries + ": " + e.getMessage(), e);
        }
    }

    /** Makes the home 0700 and the binaries directory 0700 again (zonky's start makes it 0777). */
    static void tighten(Path home, Path binaries) {
        try {
            PrivateFiles.ownerOnlyDirectory(home);
            if (Files.isDirectory(binaries) && PrivateFiles.isMine(PrivateFiles.attributes(binaries))) {
                Files.setPosixFilePermissions(binaries, PrivateFiles.OWNER_ONLY_DIRECTORY);
            }
        } catch (IOException e) {
            throw new CrmbenchException("Cannot make " + home + " private to you: " + e.getMessage(), e);
        }
    }

    private static void visit(Path root, Path path, boolean reachable) throws IOException {
        PosixFileAttributes attributes = PrivateFiles.attributes(path);
        if (!PrivateFiles.isMine(attributes)) {
            throw refused(root, path + " belongs to " + attributes.owner().getName(), "rm -rf " + root);
        }
        if (reachable && !attributes.isSymbolicLink() && PrivateFiles.writableByOthers(attributes)) {
            throw refused(
                    root,
                    path + " is writable by other accounts (mode " + PrivateFiles.mode(attributes) + ")",
                    "chmod -R go-w " + root + " if you trust them, otherwise rm -rf " + root);
        }
        if (attributes.isDirectory()) {
            boolean childrenReachable = reachable && traversableByOthers(attributes);
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    visit(root, child, childrenReachable);
                }
            }
        }
    }

    /** Whether another account can reach {@code dir}: no directory on its path shuts others out. */
    private static boolean reachableByOthers(Path dir) throws IOException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (!traversableByOthers(PrivateFiles.attributes(p))) {
                return false;
            }
        }
        return true;
    }

    private static boolean traversableByOthers(PosixFileAttributes attributes) {
        return !PrivateFiles.isMine(attributes)
                || attributes.permissions().contains(PosixFilePermission.GROUP_EXECUTE)
                || attributes.permissions().contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    private static CrmbenchException refused(Path root, String reason, String fix) {
        return new CrmbenchException("crmbench will not run the PostgreSQL binaries in " + root + ": " + reason
                + ", so someone else could have replaced them. Fix: " + fix
                + " (crmbench unpacks them again when they are gone).");
    }
}
