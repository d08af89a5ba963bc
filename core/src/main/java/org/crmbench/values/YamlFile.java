package org.crmbench.values;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The files users write for crmbench (scenarios, advise workloads), YAML or JSON, read into
 * records: an unknown key is an error naming the known ones, and every error names the file and
 * line, on one line.
 */
public final class YamlFile {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private YamlFile() {}

    /** The file's text; a missing or unreadable file is an IllegalArgumentException naming {@code what}. */
    public static String text(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such " + what + ": " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** {@code text} as a {@code type}; any problem is an IllegalArgumentException starting with {@code where}. */
    public static <T> T read(String text, Class<T> type, String where) {
        try {
            T value = YAML.readValue(text, type);
            if (value == null) {
                throw new IllegalArgumentException(where + " is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            Set<String> known = new TreeSet<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            throw new IllegalArgumentException(where + " line "
                    + keyLine(text, e.getPropertyName(), e.getLocation().getLineNr())
                    + ": unknown key '" + e.getPropertyName()
                    + "'; known here: " + String.join(", ", known));
        } catch (JsonProcessingException e) {
            boolean syntax = e instanceof JsonParseException
                    || e.getCause() instanceof JsonParseException
                    || String.valueOf(e.getOriginalMessage()).contains("while parsing");
            String message = oneLine(e.getOriginalMessage())
                    .replaceAll("\\(class [^)]*\\)", "")
                    .replaceAll("`[^`]*\\.([A-Za-z]+)`", "$1");
            throw new IllegalArgumentException(
                    where + " line " + line(e) + (syntax ? " is not valid YAML or JSON: " : ": ") + message);
        }
    }

    /** A parser's message on one line: its prose without the excerpt of the file and the caret under it. */
    private static String oneLine(String message) {
        return String.join(
                "; ",
                String.valueOf(message)
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("^") && !l.startsWith("in 'reader'"))
                        .filter(l -> !l.matches(".*[:,{\\[]\\s*$") || l.startsWith("while"))
                        .toList());
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /**
     * The line of an unknown key: the parser reports where it stopped, which is after the key's
     * value when that value is a list or a map; the key is on the last line at or before it that
     * names it.
     */
    private static int keyLine(String text, String key, int reported) {
        String[] lines = text.split("\n", -1);
        Pattern named = Pattern.compile("^\\s*(- )?\"?" + Pattern.quote(key) + "\"?\\s*:.*");
        for (int i = Math.min(reported, lines.length) - 1; i >= 0; i--) {
            if (named.matcher(lines[i]).matches()) {
                return i + 1;
            }
        }
        return reported;
    }
}
