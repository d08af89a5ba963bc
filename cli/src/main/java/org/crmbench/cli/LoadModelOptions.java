package org.crmbench.cli;

import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.crmbench.load.LoadSettings;
import org.crmbench.load.Stage;
import org.crmbench.load.http.TransportSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** How load's users behave: the closed model (--users), the open one (--rate), a ramp and the run's length. */
final class LoadModelOptions {
    /** The options a Locust master decides instead. */
    static final List<String> NAMES =
            List.of("--users", "--spawn-rate", "--run-time", "--rate", "--max-in-flight", "--when-busy", "--stages");

    private static final int DEFAULT_MAX_IN_FLIGHT = 1000;
    private static final Duration DEFAULT_RUN_TIME = Duration.ofSeconds(60);

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = {"--users", "-u"},
            defaultValue = "1000",
            description = "Closed model: simulated users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(
            names = {"--spawn-rate", "-r"},
            defaultValue = "100",
            description = "Closed model: users started per second (default ${DEFAULT-VALUE}).")
    double spawnRate;

    @Option(
            names = "--rate",
            paramLabel = "R",
            description = "Open model: R requests per second in total, whatever the server does.")
    Double rate;

    @Option(
            names = "--max-in-flight",
            paramLabel = "N",
            description = "Open model: requests out at once at most; one due beyond is dropped and counted, or"
                    + " sent when one ends with --when-busy wait (default " + DEFAULT_MAX_IN_FLIGHT + ").")
    Integer maxInFlight;

    @Option(
            names = "--when-busy",
            paramLabel = "drop|wait",
            converter = WhenBusyConverter.class,
            description = "Open model: a request due while --max-in-flight are out is dropped and counted"
                    + " (drop, as k6), or sent when one ends, its latency counted from when it was due"
                    + " (wait, as wrk2; those still waiting at the end are counted as dropped). Default drop.")
    LoadSettings.WhenBusy whenBusy;

    @Option(
            names = "--stages",
            paramLabel = "STAGES",
            description = "A ramp of DURATION:TARGET stages, e.g. 30s:100,1m:1000,30s:0: users in the closed"
                    + " model, requests/s with --rate; the run lasts as long as the stages.")
    String stages;

    @Option(
            names = {"--run-time", "-t"},
            converter = DurationConverter.class,
            description = "How long to run, e.g. 60s, 5m, 1h30m (default 60s).")
    Duration runTime;

    /** drop or wait, in any case; anything else names the two. */
    static final class WhenBusyConverter implements ITypeConverter<LoadSettings.WhenBusy> {
        @Override
        public LoadSettings.WhenBusy convert(String value) {
            for (LoadSettings.WhenBusy w : LoadSettings.WhenBusy.values()) {
                if (w.name().equalsIgnoreCase(value)) {
                    return w;
                }
            }
            throw new TypeConversionException("'" + value + "' is not drop or wait");
        }
    }

    /** Options that do not apply to the chosen model are usage errors, not silently ignored. */
    void check() {
        var parsed = spec.commandLine().getParseResult();
        if (rate != null) {
            for (String closedOnly : List.of("--users", "--spawn-rate")) {
                if (parsed.hasMatchedOption(closedOnly)) {
                    throw usage(closedOnly + " is for the closed model; --rate sends at a rate, with at most"
                            + " --max-in-flight requests out (leave out " + closedOnly + ")");
                }
            }
        } else if (maxInFlight != null || whenBusy != null) {
            throw usage((maxInFlight != null ? "--max-in-flight" : "--when-busy")
                    + " is for the open model: give --rate too");
        }
        if (stages != null) {
            if (parsed.hasMatchedOption("--run-time")) {
                throw usage("with --stages the run lasts as long as the stages: leave out --run-time");
            }
            if (parsed.hasMatchedOption("--spawn-rate") || parsed.hasMatchedOption("--users")) {
                throw usage("--stages sets the users over time: leave out --users and --spawn-rate");
            }
        }
    }

    /** The run's settings, its requests sent through {@code transport} for the model's concurrency. */
    LoadSettings settings(IntFunction<TransportSettings> transport, long seed) {
        List<Stage> ramp = UsageErrors.orUsageError(
                spec, () -> stages == null ? List.of() : Stage.parse(stages, DurationConverter::parse));
        double peak = ramp.stream().mapToDouble(Stage::target).max().orElse(0);
        LoadSettings.Model model = UsageErrors.orUsageError(spec, () -> {
            if (rate != null) {
                return new LoadSettings.Open(
                        ramp.isEmpty() ? rate : Math.max(peak, 1),
                        maxInFlight == null ? DEFAULT_MAX_IN_FLIGHT : maxInFlight,
                        whenBusy == null ? LoadSettings.WhenBusy.DROP : whenBusy);
            }
            return ramp.isEmpty()
                    ? new LoadSettings.Closed(users, spawnRate)
                    : new LoadSettings.Closed(Math.max(1, (int) Math.ceil(peak)), 1);
        });
        Duration length = ramp.isEmpty() ? (runTime == null ? DEFAULT_RUN_TIME : runTime) : Stage.total(ramp);
        TransportSettings http = transport.apply(model.concurrency());
        return UsageErrors.orUsageError(spec, () -> new LoadSettings(http, model, ramp, length, seed));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
