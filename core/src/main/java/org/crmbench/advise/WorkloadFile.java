package org.crmbench.advise;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmbench.measure.Scenario;
import org.crmbench.query.SqlStatement;
import org.crmbench.values.DatasetSource;
import org.crmbench.values.RowRandom;
import org.crmbench.values.Template;
import org.crmbench.values.ValueGenerator;
import org.crmbench.values.ValueSpec;
import org.crmbench.values.YamlFile;

/**
 * A workload file: SQL statements with {@code ${value}} places, filled for each execution from
 * the same value generators a load scenario file uses (uniform, zipf, list, csv, dataset). A
 * value is bound as a parameter, never pasted into the SQL, and typed by what it is compared
 * with. See {@code examples/advise/workload.yaml}.
 *
 * @param statements the statements, each with a name, its SQL and its weight (default 1)
 */
public record WorkloadFile(
        String name, String description, Map<String, ValueSpec> values, List<StatementSpec> statements) {

    public record StatementSpec(String name, String sql, Double weight) {}

    /** The file's workload; any problem in it is an IllegalArgumentException naming the file. */
    public static Workload read(Path file, DatasetSource dataset, long seed) {
        String where = file.toString();
        WorkloadFile spec = YamlFile.read(YamlFile.text(file, "workload file"), WorkloadFile.class, where);
        return spec.workload(where, file.toAbsolutePath().getParent(), dataset, seed);
    }

    Workload workload(String where, Path dir, DatasetSource dataset, long seed) {
        if (statements == null || statements.isEmpty()) {
            throw new IllegalArgumentException(where + ": a workload needs at least one statement under 'statements'");
        }
        Map<String, ValueSpec> specs = values == null ? Map.of() : values;
        Map<String, ValueGenerator> generators = new LinkedHashMap<>();
        List<Workload.Statement> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            StatementSpec s = statements.get(i);
            String at = where + ": statement " + (i + 1);
            if (s.sql() == null || s.sql().isBlank()) {
                throw new IllegalArgumentException(at + " has no sql");
            }
            if (!s.sql().strip().matches("(?is)^(select|with|table|values)\\b.*")) {
                throw new IllegalArgumentException(at + ": advise measures queries (SELECT or WITH), but the sql"
                        + " starts with '" + s.sql().strip().split("\\s+")[0] + "'");
            }
            double weight = s.weight() == null ? 1 : s.weight();
            if (!(weight > 0)) {
                throw new IllegalArgumentException(at + ": weight must be above 0 but was " + weight);
            }
            Template sql = Template.parse(s.sql().strip(), specs.keySet(), System::getenv, at + " sql");
            for (String value : sql.names()) {
                generators.computeIfAbsent(
                        value, v -> ValueGenerator.of(specs.get(v), where + ": value " + v, dir, dataset));
            }
            String name = s.name() == null || s.name().isBlank() ? "statement_" + (i + 1) : s.name();
            out.add(new Workload.Statement(scenario(name, s.sql().strip(), sql, generators, seed, i), weight));
        }
        String title = name == null || name.isBlank() ? where : name;
        return new Workload("the workload file " + title + (description == null ? "" : " (" + description + ")"), out);
    }

    private static Scenario scenario(
            String name, String text, Template sql, Map<String, ValueGenerator> generators, long seed, int index) {
        List<String> names = List.copyOf(sql.names());
        return new Scenario(name, text.replaceAll("\\s+", " "), 0, false, (c, execution, executed) -> {
            RowRandom random = new RowRandom().reset(seed, index, execution);
            Map<String, String> drawn = new LinkedHashMap<>();
            names.forEach(v -> drawn.put(v, generators.get(v).next(random)));
            SqlStatement statement = sql.sql(drawn);
            executed.accept(statement);
            statement.run(c);
        });
    }
}
