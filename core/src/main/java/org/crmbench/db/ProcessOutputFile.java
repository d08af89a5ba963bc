package org.crmbench.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The file the embedded server writes its output to. A file, not a pipe, so a server left running
 * in the background keeps logging after the JVM that started it has exited. Only its owner may
 * read it: a failing statement's error line quotes the values it was given.
 */
record ProcessOutputFile(Path file) {
    /** Creates the file readable by its owner only, or makes an existing one of ours so. */
    ProcessOutputFile ownerOnly() {
        try {
            if (Files.notExists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PrivateFiles.OWNER_ONLY_FILE));
            } else if (PrivateFiles.isMine(PrivateFiles.attributes(file))) {
                Files.setPosixFilePermissions(file, PrivateFiles.OWNER_ONLY_FILE);
            }
        } catch (IOException e) {
            // the start reports an unwritable log itself
        }
        return this;
    }

    ProcessBuilder.Redirect redirect() {
        return ProcessBuilder.Redirect.appendTo(file.toFile());
    }

    /** The last non-blank line, usually the reason a start failed. */
    Optional<String> lastLine() {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return Optional.of(lines.get(i).trim());
                }
            }
        } catch (IOException e) {
            // no log yet: the caller falls back to the exception's message
        }
        return Optional.empty();
    }
}
