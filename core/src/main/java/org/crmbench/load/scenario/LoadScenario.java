package org.crmbench.load.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.crmbench.values.DatasetSource;
import org.crmbench.values.RowRandom;
import org.crmbench.values.Template;
import org.crmbench.values.ValueGenerator;
import org.crmbench.values.ValueSpec;
import org.crmbench.values.YamlFile;

/**
 * A scenario ready to run: its requests with their weights, templates and success rules, and the
 * value generators they draw from. Built from a scenario file (YAML or JSON) or one of the bundled
 * ones; {@link #next} is what a simulated user sends next, a function of the random stream alone.
 */
public final class LoadScenario {
    /** The scenarios bundled with crmbench, written in the same format as users' files. */
    public static final List<String> BUILT_IN = List.of("run-query", "users-list", "mix", "health", "surface");

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /** A request of the file, compiled: templates parsed, the values it draws listed in a fixed order. */
    record Kind(
            String name,
            String method,
            Template path,
            Map<String, Template> headers,
            Template body,
            int weight,
            Expect expect,
            List<String> values) {}

    private final String name;
    private final String description;
    private final Optional<URI> host;
    private final List<Kind> kinds;
    private final int totalWeight;
    private final Map<String, ValueGenerator> generators;

    private LoadScenario(
            String name,
            String description,
            Optional<URI> host,
            List<Kind> kinds,
            Map<String, ValueGenerator> generators) {
        this.name = name;
        this.description = description;
        this.host = host;
        this.kinds = List.copyOf(kinds);
        this.totalWeight = kinds.stream().mapToInt(Kind::weight).sum();
        this.generators = Map.copyOf(generators);
    }

    /**
     * A scenario read and checked (templates, methods, weights, success rules), whose values are
     * not drawn yet: {@link #compile} makes them from a dataset source, once the host is known.
     */
    public record Definition(
            String name,
            String description,
            Optional<URI> host,
            List<Kind> kinds,
            Map<String, ValueSpec> values,
            Path dir) {
        /** The runnable scenario: a generator for every value the requests use. */
        public LoadScenario compile(DatasetSource dataset) {
            Map<String, ValueGenerator> generators = new LinkedHashMap<>();
            for (String value : values.keySet()) {
                generators.put(value, ValueGenerator.of(values.get(value), name + ": value " + value, dir, dataset));
            }
            return new LoadScenario(name, description, host, kinds, generators);
        }
    }

    /** A bundled scenario by name; an unknown name is an IllegalArgumentException listing them. */
    public static Definition builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException(
                    "--scenario must be one of " + String.join(", ", BUILT_IN) + " but was '" + name + "'");
        }
        String resource = "/load/scenarios/" + name + ".yaml";
        try (InputStream in = LoadScenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return define(
                    read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".yaml"),
                    name,
                    Path.of("."),
                    System::getenv);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** A user's scenario file (YAML or JSON); any problem in it is an IllegalArgumentException naming the file. */
    public static Definition fromFile(Path file) {
        String text = YamlFile.text(file, "scenario file");
        String fileName = file.getFileName().toString();
        Path dir = file.toAbsolutePath().getParent();
        return define(read(text, file.toString()), fileName.replaceFirst("\\.(ya?ml|json)$", ""), dir, System::getenv);
    }

    /** Reads and compiles a scenario given as text (tests; {@code environment} stands for System::getenv). */
    static Definition parse(String text, Function<String, String> environment) {
        return define(read(text, "scenario"), "scenario", Path.of("."), environment);
    }

    private static ScenarioFile read(String text, String where) {
        return YamlFile.read(text, ScenarioFile.class, where);
    }

    private static Definition define(
            ScenarioFile file, String defaultName, Path dir, Function<String, String> environment) {
        String name = file.name() == null || file.name().isBlank() ? defaultName : file.name();
        if (file.requests() == null || file.requests().isEmpty()) {
            throw new IllegalArgumentException(name + ": a scenario needs at least one request under 'requests'");
        }
        Map<String, ValueSpec> specs = file.values() == null ? Map.of() : file.values();
        Set<String> known = specs.keySet();
        Map<String, Template> common = new LinkedHashMap<>();
        if (file.headers() != null) {
            file.headers()
                    .forEach((h, v) -> common.put(h, Template.parse(v, known, environment, name + ": header " + h)));
        }
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < file.requests().size(); i++) {
            kinds.add(kind(file.requests().get(i), name + ": request " + (i + 1), known, common, environment));
        }
        Map<String, ValueSpec> used = new java.util.TreeMap<>();
        kinds.forEach(k -> k.values().forEach(v -> used.put(v, specs.get(v))));
        Optional<URI> host;
        try {
            host = Optional.ofNullable(file.host()).map(URI::create);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": host is not a URL: " + file.host());
        }
        return new Definition(name, file.description() == null ? "" : file.description(), host, kinds, used, dir);
    }

    private static Kind kind(
            ScenarioFile.RequestSpec spec,
            String where,
            Set<String> known,
            Map<String, Template> common,
            Function<String, String> environment) {
        if (spec.path() == null || !spec.path().startsWith("/")) {
            throw new IllegalArgumentException(where + ": path must start with '/' but was " + spec.path());
        }
        String method = spec.method() == null ? "GET" : spec.method().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException(where + ": method must be one of "
                    + String.join(", ", new TreeSet<>(METHODS)) + " but was " + spec.method());
        }
        int weight = spec.weight() == null ? 1 : spec.weight();
        if (weight < 1) {
            throw new IllegalArgumentException(where + ": weight must be at least 1 but was " + weight);
        }
        Template path = Template.parse(spec.path(), known, environment, where + " path");
        Map<String, Template> headers = new LinkedHashMap<>(common);
        if (spec.headers() != null) {
            spec.headers()
                    .forEach((h, v) -> headers.put(h, Template.parse(v, known, environment, where + " header " + h)));
        }
        Template body = spec.body() == null ? null : Template.parse(spec.body(), known, environment, where + " body");
        Set<String> values = new TreeSet<>(path.names());
        headers.values().forEach(t -> values.addAll(t.names()));
        if (body != null) {
            values.addAll(body.names());
        }
        String name = spec.name() != null ? spec.name() : path.prefix().replaceFirst("\\?.*$", "");
        return new Kind(
                name.isEmpty() ? spec.path() : name,
                method,
                path,
                headers,
                body,
                weight,
                Expect.of(spec.expect(), where + " expect"),
                List.copyOf(values));
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The host the file names, for when none is given on the command line. */
    public Optional<URI> host() {
        return host;
    }

    /** The names requests are reported under, in file order. */
    public List<String> requestNames() {
        return kinds.stream().map(Kind::name).distinct().toList();
    }

    /** The next request of a simulated user, from that user's random stream (positioned by the caller). */
    public Request next(RowRandom random) {
        Kind kind = pick(random);
        Map<String, String> values = new LinkedHashMap<>();
        for (String v : kind.values()) {
            values.put(v, generators.get(v).next(random));
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>(kind.headers().size());
        kind.headers().forEach((h, t) -> headers.add(Map.entry(h, t.render(values, false))));
        byte[] body = kind.body() == null
                ? new byte[0]
                : kind.body().render(values, false).getBytes(StandardCharsets.UTF_8);
        return new Request(kind.name(), kind.method(), kind.path().render(values, true), headers, body, kind.expect());
    }

    private Kind pick(RowRandom random) {
        if (kinds.size() == 1) {
            return kinds.getFirst();
        }
        int ticket = Math.floorMod(random.nextLong(), totalWeight);
        for (Kind k : kinds) {
            ticket -= k.weight();
            if (ticket < 0) {
                return k;
            }
        }
        return kinds.getLast();
    }
}
