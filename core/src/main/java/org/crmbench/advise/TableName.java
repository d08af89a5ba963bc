package org.crmbench.advise;

import java.util.Locale;

/** A table as PostgreSQL names it: schema and name, written quoted where they need it. */
public record TableName(String schema, String name) {
    public String qualified() {
        return identifier(schema) + "." + identifier(name);
    }

    /** An identifier as SQL text: bare when it is lower-case letters, digits and underscores. */
    static String identifier(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String toString() {
        return qualified().toLowerCase(Locale.ROOT).equals(qualified()) ? qualified() : schema + "." + name;
    }
}
