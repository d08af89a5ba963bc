package org.crmbench.values;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The files users write for crmbench (scenarios, advise workloads), YAML or JSON, read into
 * records: a record's component {@code bodyContains} is the key {@code body_contains}; an unknown
 * key is an error naming the known ones, and every error names the file and line, on one line.
 *
 * <p>SnakeYAML parses; the binding of its node tree to the records (strings, whole and decimal
 * numbers, lists, maps, records) is written here rather than left to Jackson's databind, which
 * read these files before: loading and warming databind and its YAML module cost every
 * {@code load} start about a quarter of a CPU second: without it a 1 s run costs 0.81–0.85× its CPU
 * (reports/startup-builds*.txt, scripts/compare-startup.sh with the revision before this one).
 */
public final class YamlFile {
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
        Node root = parse(text, where);
        if (root == null || isNull(root)) {
            throw new IllegalArgumentException(where + " is empty");
        }
        return type.cast(new Binding(where).value(root, type, "the file"));
    }

    private static Node parse(String text, String where) {
        LoaderOptions options = new LoaderOptions();
        try {
            return new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new IllegalArgumentException(
                    where + " line " + line + " is not valid YAML or JSON: " + context + e.getProblem());
        } catch (YAMLException e) {
            throw new IllegalArgumentException(where + " is not valid YAML or JSON: " + e.getMessage());
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** The key a record component is written as: {@code bodyContains} is {@code body_contains}. */
    private static String key(RecordComponent component) {
        return component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Binds nodes to values of Java types, reporting a mismatch by the file, line and key. */
    private record Binding(String where) {

        Object value(Node node, Type type, String what) {
            Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
            if (isNull(node)) {
                if (raw.isPrimitive()) {
                    throw error(node, what + " needs a value");
                }
                return null;
            }
            if (raw == List.class) {
                return list(node, ((ParameterizedType) type).getActualTypeArguments()[0], what);
            }
            if (raw == Map.class) {
                return map(node, ((ParameterizedType) type).getActualTypeArguments()[1], what);
            }
            if (raw.isRecord()) {
                return record(node, raw, what);
            }
            return scalar(node, raw, what);
        }

        private List<Object> list(Node node, Type element, String what) {
            if (!(node instanceof SequenceNode sequence)) {
                throw error(node, what + " should be a list, like [a, b], but is " + kind(node));
            }
            List<Object> out = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                out.add(value(item, element, "an item of " + what));
            }
            return out;
        }

        private Map<String, Object> map(Node node, Type valueType, String what) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple entry : entries(node, what)) {
                String key = once(entry.getKeyNode(), out.keySet());
                out.put(key, value(entry.getValueNode(), valueType, "'" + key + "'"));
            }
            return out;
        }

        private Object record(Node node, Class<?> type, String what) {
            RecordComponent[] components = type.getRecordComponents();
            Map<String, Integer> index = new TreeMap<>();
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                index.put(key(components[i]), i);
                args[i] = emptyValue(components[i].getType());
            }
            Set<String> given = new HashSet<>();
            for (NodeTuple entry : entries(node, what)) {
                String key = once(entry.getKeyNode(), given);
                given.add(key);
                Integer i = index.get(key);
                if (i == null) {
                    throw error(
                            entry.getKeyNode(),
                            "unknown key '" + key + "'; known here: " + String.join(", ", index.keySet()));
                }
                args[i] = value(entry.getValueNode(), components[i].getGenericType(), "'" + key + "'");
            }
            return construct(type, components, args);
        }

        private List<NodeTuple> entries(Node node, String what) {
            if (!(node instanceof MappingNode mapping)) {
                throw error(node, what + " should be a map of keys to values, like {a: 1}, but is " + kind(node));
            }
            return mapping.getValue();
        }

        /** The key's name, which must not be among those {@code given} before it in the same map. */
        private String once(Node key, Set<String> given) {
            if (!(key instanceof ScalarNode scalar)) {
                throw error(key, "a key should be a name, but is " + kind(key));
            }
            if (given.contains(scalar.getValue())) {
                throw error(key, "'" + scalar.getValue() + "' is given twice");
            }
            return scalar.getValue();
        }

        private Object scalar(Node node, Class<?> type, String what) {
            if (!(node instanceof ScalarNode scalar)) {
                throw error(node, what + " should be a single value, but is " + kind(node));
            }
            String text = scalar.getValue().strip();
            try {
                if (type == String.class) {
                    return scalar.getValue();
                } else if (type == Integer.class || type == int.class) {
                    return Integer.valueOf(text.replace("_", ""));
                } else if (type == Long.class || type == long.class) {
                    return Long.valueOf(text.replace("_", ""));
                } else if (type == Double.class || type == double.class) {
                    return Double.valueOf(text.replace("_", ""));
                }
            } catch (NumberFormatException e) {
                String expected = type == Double.class || type == double.class ? "a number" : "a whole number";
                throw error(node, what + " should be " + expected + " but is '" + text + "'");
            }
            throw new IllegalStateException("a file's record cannot hold a " + type.getName());
        }

        private static Object emptyValue(Class<?> type) {
            if (type == int.class) {
                return 0;
            } else if (type == long.class) {
                return 0L;
            } else if (type == double.class) {
                return 0.0;
            }
            return null;
        }

        private static Object construct(Class<?> type, RecordComponent[] components, Object[] args) {
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                return type.getDeclaredConstructor(types).newInstance(args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + type.getName(), e);
            }
        }

        private static String kind(Node node) {
            return node instanceof SequenceNode ? "a list" : node instanceof MappingNode ? "a map" : "a single value";
        }

        private IllegalArgumentException error(Node node, String message) {
            return new IllegalArgumentException(
                    where + " line " + (node.getStartMark().getLine() + 1) + ": " + message);
        }
    }
}
