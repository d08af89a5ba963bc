package org.crmbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One crmbench invocation through the same factory as Main, with what the user would see. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CrmbenchCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), args)
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
