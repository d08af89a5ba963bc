package org.crmbench.cli;

import java.io.Console;

/** Whether crmbench talks to a person at a terminal (progress bars) or to a pipe or log (plain lines). */
final class Terminal {
    private Terminal() {}

    static boolean attached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From Java 22 System.console() exists even when redirected; Console.isTerminal() tells.
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only for a terminal
        }
    }
}
