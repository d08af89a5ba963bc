package org.crmbench.cli;

/** crmbench's exit codes, the same for every command. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    /** The database, or for load the target host, cannot be reached. */
    public static final int DATABASE_UNREACHABLE = 3;
    /** report: a scenario got slower than --fail-if-slower allows, beyond the noise. */
    public static final int SLOWER = 4;

    private ExitCode() {}
}
