package org.crmbench.values;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmbench.query.SqlStatement;
import org.crmbench.query.UntypedValue;

/**
 * Text with {@code ${value}} places, filled per request; {@code ${env:NAME}} is an environment
 * variable, read once (for secrets that do not belong in the file).
 */
public final class Template {
    private static final Pattern PLACE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*|env:[A-Za-z_][A-Za-z0-9_]*)}");

    /** A literal part, or (value non-null) the name of a value. */
    private record Part(String literal, String value) {}

    private final List<Part> parts;
    private final Set<String> names;

    private Template(List<Part> parts) {
        this.parts = List.copyOf(parts);
        Set<String> used = new LinkedHashSet<>();
        parts.stream().filter(p -> p.value() != null).forEach(p -> used.add(p.value()));
        this.names = Set.copyOf(used);
    }

    /**
     * @param known the value names the scenario defines; another name is an error naming {@code where}
     * @param environment how {@code env:} names are read (System::getenv; a test's map)
     */
    public static Template parse(String text, Set<String> known, Function<String, String> environment, String where) {
        List<Part> parts = new ArrayList<>();
        Matcher m = PLACE.matcher(text);
        int at = 0;
        StringBuilder literal = new StringBuilder();
        while (m.find()) {
            literal.append(text, at, m.start());
            String name = m.group(1);
            if (name.startsWith("env:")) {
                String value = environment.apply(name.substring(4));
                if (value == null) {
                    throw new IllegalArgumentException(where + " uses ${" + name + "} but the environment variable "
                            + name.substring(4) + " is not set");
                }
                literal.append(value);
            } else {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException(where + " uses ${" + name + "}, which is not one of the values"
                            + (known.isEmpty() ? " (there are none)" : ": " + String.join(", ", known)));
                }
                if (!literal.isEmpty()) {
                    parts.add(new Part(literal.toString(), null));
                    literal.setLength(0);
                }
                parts.add(new Part(null, name));
            }
            at = m.end();
        }
        literal.append(text, at, text.length());
        if (!literal.isEmpty()) {
            parts.add(new Part(literal.toString(), null));
        }
        long places = PLACE.matcher(text).results().count();
        long opened = text.split("\\$\\{", -1).length - 1;
        if (opened != places) {
            throw new IllegalArgumentException(where + " has a '${' that is not a ${name} place: " + text);
        }
        return new Template(parts);
    }

    public Set<String> names() {
        return names;
    }

    /** The text up to the first place (a request's default name). */
    public String prefix() {
        return parts.isEmpty() || parts.getFirst().value() != null
                ? ""
                : parts.getFirst().literal();
    }

    /**
     * As SQL: each place a {@code ?} bound to its value (never pasted into the text), the values in
     * the order of their places.
     */
    public SqlStatement sql(Map<String, String> values) {
        StringBuilder sql = new StringBuilder();
        List<Object> binds = new ArrayList<>();
        for (Part p : parts) {
            if (p.value() == null) {
                sql.append(p.literal());
            } else {
                sql.append('?');
                binds.add(new UntypedValue(values.get(p.value())));
            }
        }
        return new SqlStatement(sql.toString(), binds);
    }

    /** The filled text; with {@code urlEncode} the values (not the literal parts) are percent-encoded. */
    public String render(Map<String, String> values, boolean urlEncode) {
        if (parts.size() == 1 && parts.getFirst().value() == null) {
            return parts.getFirst().literal();
        }
        StringBuilder out = new StringBuilder(64);
        for (Part p : parts) {
            if (p.value() == null) {
                out.append(p.literal());
            } else {
                String v = values.get(p.value());
                out.append(urlEncode ? URLEncoder.encode(v, StandardCharsets.UTF_8) : v);
            }
        }
        return out.toString();
    }
}
