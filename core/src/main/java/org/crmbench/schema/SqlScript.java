package org.crmbench.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A file of SQL statements separated by semicolons at line ends, with {@code --} comments. Enough
 * for our DDL files, which hold no function bodies or semicolons inside strings.
 */
public record SqlScript(String name, List<String> statements) {
    public SqlScript {
        statements = List.copyOf(statements);
    }

    public static SqlScript resource(String path) {
        try (InputStream in = SqlScript.class.getResourceAsStream(path)) {
            Objects.requireNonNull(in, () -> "missing resource " + path);
            return parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SqlScript parse(String name, String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            int comment = line.indexOf("--");
            String code = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (code.isEmpty()) {
                continue;
            }
            current.append(current.isEmpty() ? "" : " ").append(code);
            if (code.endsWith(";")) {
                statements.add(current.substring(0, current.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return new SqlScript(name, statements);
    }
}
