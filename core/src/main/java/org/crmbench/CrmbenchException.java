package org.crmbench;

/** A failure the user can act on; its message is one sentence that says what happened and what to do. */
public class CrmbenchException extends RuntimeException {
    public CrmbenchException(String message) {
        super(message);
    }

    public CrmbenchException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The first line of a library's message (PostgreSQL's carry a detail, a hint and a position
     * on the lines after), fit for a one-sentence error.
     */
    public static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("").strip();
    }
}
