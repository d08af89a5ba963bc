package org.crmbench.values;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.crmbench.query.Filter;

/** Draws one value, as text, from a seeded random stream; safe to share between threads. */
@FunctionalInterface
public interface ValueGenerator {
    String next(RowRandom random);

    /** The generator a spec names; {@code where} and {@code dir} for messages and CSV paths. */
    public static ValueGenerator of(ValueSpec spec, String where, Path dir, DatasetSource dataset) {
        int given = (spec.uniform() != null ? 1 : 0)
                + (spec.zipf() != null ? 1 : 0)
                + (spec.list() != null ? 1 : 0)
                + (spec.csv() != null ? 1 : 0)
                + (spec.dataset() != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException(
                    where + " needs exactly one of uniform, zipf, list, csv or dataset, but has " + given);
        }
        if (spec.uniform() != null) {
            if (spec.uniform().size() != 2
                    || spec.uniform().get(0) > spec.uniform().get(1)) {
                throw new IllegalArgumentException(where + ": uniform is [min, max] with min <= max");
            }
            return uniform(spec.uniform().get(0), spec.uniform().get(1));
        }
        if (spec.zipf() != null) {
            return zipf(spec.zipf(), where);
        }
        if (spec.list() != null) {
            return pick(spec.list(), where + ": list");
        }
        if (spec.csv() != null) {
            return pick(
                    csvColumn(spec.csv(), dir, where),
                    where + ": csv " + spec.csv().file());
        }
        return dataset(spec.dataset(), where, dataset);
    }

    public static ValueGenerator uniform(long min, long max) {
        long span = max - min + 1;
        return random -> Long.toString(min + Math.floorMod(random.nextLong(), span));
    }

    private static ValueGenerator zipf(ValueSpec.Zipf z, String where) {
        long n = z.max() - z.min() + 1;
        if (n < 1 || n > Integer.MAX_VALUE || !(z.exponent() > 0)) {
            throw new IllegalArgumentException(
                    where + ": zipf needs min <= max (at most 2^31 values apart) and an exponent above 0");
        }
        // the sampler's constants are computed once; each draw binds them to the request's stream
        SharedStateDiscreteSampler shared = RejectionInversionZipfSampler.of(() -> 0L, (int) n, z.exponent());
        return random -> Long.toString(
                z.min() - 1 + shared.withUniformRandomProvider(random::nextLong).sample());
    }

    private static ValueGenerator pick(List<String> values, String where) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(where + " has no values");
        }
        String[] all = values.toArray(String[]::new);
        return random -> all[Math.floorMod(random.nextLong(), all.length)];
    }

    private static ValueGenerator dataset(String column, String where, DatasetSource dataset) {
        if (column.equals("user_id")) {
            return uniform(1, dataset.users());
        }
        Filter filter = Filter.byApiName(column)
                .orElseThrow(() -> new IllegalArgumentException(where + ": dataset is user_id or one of "
                        + String.join(
                                ", ",
                                Arrays.stream(Filter.values())
                                        .map(Filter::apiName)
                                        .toList())
                        + ", not '" + column + "'"));
        return pick(dataset.values(filter), where + ": dataset " + column);
    }

    private static List<String> csvColumn(ValueSpec.Csv csv, Path dir, String where) {
        Path file = dir.resolve(csv.file());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader rows = new CSVReader(reader)) {
            List<String[]> lines = rows.readAll();
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(where + ": " + file + " is empty");
            }
            int column = Arrays.asList(lines.getFirst()).indexOf(csv.column());
            if (column < 0) {
                throw new IllegalArgumentException(where + ": " + file + " has no column '" + csv.column()
                        + "'; its header is " + String.join(",", lines.getFirst()));
            }
            return lines.subList(1, lines.size()).stream()
                    .filter(l -> l.length > column)
                    .map(l -> l[column])
                    .toList();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(where + ": no such file " + file);
        } catch (IOException | CsvException e) {
            throw new IllegalArgumentException(where + ": cannot read " + file + ": " + e.getMessage());
        }
    }
}
