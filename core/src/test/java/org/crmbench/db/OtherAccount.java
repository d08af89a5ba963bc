package org.crmbench.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another local account ({@code nobody}) running a command, as the tests of who gets in need:
 * switching accounts takes root, as CI has; psql tries the connections.
 */
final class OtherAccount {
    static final String NAME = "nobody";

    private OtherAccount() {}

    /** Whether this JVM can run commands as the other account, with psql. */
    static boolean available() {
        return System.getProperty("user.name").equals("root") && Files.isExecutable(Path.of("/usr/bin/psql"));
    }

    /** Runs a command as the other account with only {@code env} of libpq's variables; its output and errors, trimmed. */
    static String run(Map<String, String> env, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().remove("PGPASSWORD");
        builder.environment().remove("PGPASSFILE");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        return output;
    }
}
