package org.crmbench.load;

import org.crmbench.CrmbenchException;

/** The host cannot be reached at all; the CLI maps it to exit code 3. */
public final class LoadConnectException extends CrmbenchException {
    public LoadConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
