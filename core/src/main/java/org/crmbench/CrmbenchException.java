package org.crmbench;

/** A failure the user can act on; its message is one sentence that says what happened and what to do. */
public class CrmbenchException extends RuntimeException {
    public CrmbenchException(String message) {
        super(message);
    }

    public CrmbenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
