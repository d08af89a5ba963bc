package org.crmbench.db;

import org.crmbench.CrmbenchException;

/** The database cannot be reached or refuses the login; the CLI maps it to exit code 3. */
public final class DatabaseUnreachableException extends CrmbenchException {
    public DatabaseUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
