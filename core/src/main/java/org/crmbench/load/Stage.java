package org.crmbench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stage of a ramp, as k6 writes them: over {@code duration}, move linearly from the previous
 * stage's target (0 before the first) to {@code target} users (closed model) or requests per
 * second (open model).
 */
public record Stage(Duration duration, double target) {
    private static final Pattern STAGE = Pattern.compile("([0-9a-zA-Z]+):([0-9]+(?:\\.[0-9]+)?)");

    public Stage {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--stages: a stage must last above 0 but was " + duration);
        }
        if (target < 0) {
            throw new IllegalArgumentException("--stages: a target must not be negative but was " + target);
        }
    }

    /** "30s:100,1m:1000,30s:0": DURATION:TARGET pairs; {@code duration} parses the durations. */
    public static List<Stage> parse(String text, java.util.function.Function<String, Duration> duration) {
        List<Stage> stages = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher m = STAGE.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "--stages must be DURATION:TARGET pairs such as 30s:100,1m:1000,30s:0 but has '" + part + "'");
            }
            stages.add(new Stage(duration.apply(m.group(1)), Double.parseDouble(m.group(2))));
        }
        return List.copyOf(stages);
    }

    /** The stages' total length. */
    public static Duration total(List<Stage> stages) {
        return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** The target at {@code elapsedNanos} into the stages (the last target after their end). */
    public static double at(List<Stage> stages, long elapsedNanos) {
        double from = 0;
        long start = 0;
        for (Stage s : stages) {
            long length = s.duration().toNanos();
            if (elapsedNanos < start + length) {
                return from + (s.target() - from) * (elapsedNanos - start) / (double) length;
            }
            from = s.target();
            start += length;
        }
        return from;
    }

    /**
     * When the {@code n}-th request (from 0) is due at the ramped rate: the time t at which the
     * rate's integral from 0 reaches n, or -1 when the stages end first.
     */
    public static long dueNanos(List<Stage> stages, double n) {
        double from = 0;
        double done = 0;
        long start = 0;
        for (Stage s : stages) {
            double seconds = s.duration().toNanos() / 1e9;
            double inStage = (from + s.target()) / 2 * seconds;
            if (done + inStage > n) {
                double rest = n - done;
                double a = (s.target() - from) / (2 * seconds);
                double tau =
                        Math.abs(a) < 1e-12 ? rest / from : (-from + Math.sqrt(from * from + 4 * a * rest)) / (2 * a);
                return start + (long) (tau * 1e9);
            }
            done += inStage;
            from = s.target();
            start += s.duration().toNanos();
        }
        return -1;
    }
}
