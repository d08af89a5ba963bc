package org.crmbench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.crmbench.results.LoadResult;
import org.crmbench.results.LocustCsvFormat;
import org.crmbench.results.Measurement;
import org.crmbench.results.PercentilePoint;

/**
 * A finished load run as a {@link Report}, so load prints its table with the same printer as
 * report does from the CSV files: one measurement per endpoint and the Aggregated row, and in the
 * open model the uncorrected latencies beside them (mode "uncorrected").
 */
public final class LoadRunReport {
    private static final double US_PER_MS = 1000.0;

    private LoadRunReport() {}

    public static Report of(LoadResult result, Path source) {
        double seconds = Math.max(1e-9, result.elapsed().toNanos() / 1e9);
        List<Measurement> measurements = new ArrayList<>();
        Histogram all = new Histogram(3_600_000_000L, 3);
        Histogram allUncorrected = new Histogram(3_600_000_000L, 3);
        for (LoadResult.Endpoint e : result.endpoints()) {
            String name = e.method().equals("GET") ? e.name() : e.method() + " " + e.name();
            measurements.add(measurement(name, "", e.requests(), e.failures(), e.latencyUs(), seconds));
            all.add(e.latencyUs());
            if (e.uncorrectedUs() != null) {
                measurements.add(
                        measurement(name, "uncorrected", e.requests(), e.failures(), e.uncorrectedUs(), seconds));
                allUncorrected.add(e.uncorrectedUs());
            }
        }
        if (result.endpoints().size() > 1) {
            measurements.add(measurement("Aggregated", "", result.requests(), result.failureCount(), all, seconds));
            if (result.openModel()) {
                measurements.add(measurement(
                        "Aggregated",
                        "uncorrected",
                        result.requests(),
                        result.failureCount(),
                        allUncorrected,
                        seconds));
            }
        }
        String description = String.format(
                Locale.ROOT,
                "load run: %,d requests in %.1f s, %,.0f requests/s, %,d failed%s%s",
                result.requests(),
                seconds,
                result.requestsPerSecond(),
                result.failureCount(),
                result.dropped() > 0
                        ? String.format(Locale.ROOT, ", %,d dropped (--max-in-flight)", result.dropped())
                        : "",
                result.openModel() ? "; latency from each request's intended start, uncorrected beside it" : "");
        return new Report(Report.Kind.LOAD, source, description, measurements, List.of(), LatencyTarget.API);
    }

    private static Measurement measurement(
            String name, String mode, long requests, long failures, Histogram us, double seconds) {
        List<PercentilePoint> points = new ArrayList<>();
        points.add(new PercentilePoint(0, us.getTotalCount() == 0 ? Double.NaN : us.getMinValue() / US_PER_MS));
        for (String p : LocustCsvFormat.PERCENTILES) {
            double percentile = Double.parseDouble(p.substring(0, p.length() - 1));
            if (percentile > 0 && percentile < 100) {
                points.add(new PercentilePoint(
                        percentile,
                        us.getTotalCount() == 0 ? Double.NaN : us.getValueAtPercentile(percentile) / US_PER_MS));
            }
        }
        points.add(new PercentilePoint(100, us.getTotalCount() == 0 ? Double.NaN : us.getMaxValue() / US_PER_MS));
        return new Measurement(
                name,
                mode,
                requests,
                failures,
                us.getTotalCount() == 0 ? Double.NaN : us.getMean() / US_PER_MS,
                requests / seconds,
                points,
                us.getTotalCount() == 0 ? points : PercentilePoint.curve(us, US_PER_MS),
                "");
    }
}
