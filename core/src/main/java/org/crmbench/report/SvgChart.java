package org.crmbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Charts as inline SVG, drawn here so the HTML page needs nothing from the network: line charts
 * on linear or logarithmic axes (the HdrHistogram percentile chart is a line chart whose x is
 * 1/(1−p) on a log scale) and horizontal bar charts. Every chart has a title, axis labels with
 * units and a legend. The markup is well-formed XML.
 */
public final class SvgChart {
    static final int WIDTH = 760;
    static final int HEIGHT = 340;
    private static final int LEFT = 78;
    private static final int RIGHT = 24;
    private static final int TOP = 44;
    private static final int BOTTOM = 56;

    /** A named line or bar group. */
    public record Series(String name, String color, List<double[]> points) {}

    /** An axis: its label (with unit), range, whether it is logarithmic, and how ticks are labelled. */
    public record Axis(
            String label, double min, double max, boolean log, List<Double> ticks, DoubleFunction<String> format) {
        public static Axis linear(String label, double min, double max, DoubleFunction<String> format) {
            double[] nice = niceRange(min, max);
            List<Double> ticks = new ArrayList<>();
            for (double t = nice[0]; t <= nice[1] + nice[2] / 2; t += nice[2]) {
                ticks.add(t);
            }
            return new Axis(label, nice[0], nice[1], false, ticks, format);
        }

        /** A log axis over whole decades around [min, max], ticks at 1, 2 and 5 when it spans few decades. */
        public static Axis log(String label, double min, double max, DoubleFunction<String> format) {
            double lo = Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-6))));
            double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(max, lo * 10))));
            if (hi <= lo) {
                hi = lo * 10;
            }
            boolean fine = hi / lo <= 1000;
            List<Double> ticks = new ArrayList<>();
            for (double decade = lo; decade <= hi * 1.0001; decade *= 10) {
                ticks.add(decade);
                if (fine && decade * 2 < hi) {
                    ticks.add(decade * 2);
                    ticks.add(decade * 5);
                }
            }
            return new Axis(label, lo, hi, true, ticks, format);
        }

        double position(double value, double from, double to) {
            double v = log ? Math.log10(Math.max(value, min)) : value;
            double a = log ? Math.log10(min) : min;
            double b = log ? Math.log10(max) : max;
            return from + (to - from) * (v - a) / (b - a == 0 ? 1 : b - a);
        }
    }

    private SvgChart() {}

    /** A line chart: one polyline per series, with a marker on each point when the series is short. */
    public static String lines(String id, String title, Axis x, Axis y, List<Series> series) {
        StringBuilder svg = open(id, title);
        frame(svg, x, y);
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            for (double[] p : s.points()) {
                path.append(path.isEmpty() ? "" : " ")
                        .append(n(x.position(p[0], LEFT, WIDTH - RIGHT)))
                        .append(',')
                        .append(n(y.position(p[1], HEIGHT - BOTTOM, TOP)));
            }
            svg.append("<polyline class=\"series\" fill=\"none\" stroke-width=\"2\" stroke=\"")
                    .append(s.color())
                    .append("\" points=\"")
                    .append(path)
                    .append("\"><title>")
                    .append(escape(s.name()))
                    .append("</title></polyline>\n");
            if (s.points().size() <= 40) {
                for (double[] p : s.points()) {
                    svg.append("<circle r=\"3\" fill=\"")
                            .append(s.color())
                            .append("\" cx=\"")
                            .append(n(x.position(p[0], LEFT, WIDTH - RIGHT)))
                            .append("\" cy=\"")
                            .append(n(y.position(p[1], HEIGHT - BOTTOM, TOP)))
                            .append("\"/>\n");
                }
            }
        }
        legend(svg, series);
        return svg.append("</svg>\n").toString();
    }

    /**
     * Horizontal bars: one group per category, one bar per series in the group; the value axis
     * is {@code x}. A dashed line marks {@code reference} (e.g. 1× for speed-ups) when positive.
     */
    public static String bars(
            String id, String title, List<String> categories, Axis x, List<Series> series, double reference) {
        int height = TOP + BOTTOM + categories.size() * (series.size() * 14 + 12);
        StringBuilder svg = open(id, title, height);
        int plotBottom = height - BOTTOM;
        for (Double t : x.ticks()) {
            double px = x.position(t, LEFT + 90, WIDTH - RIGHT);
            svg.append(line(px, TOP, px, plotBottom, "#ddd"))
                    .append(text(px, plotBottom + 16, "middle", x.format().apply(t), 11));
        }
        svg.append(text((LEFT + 90 + WIDTH - RIGHT) / 2.0, height - 22, "middle", x.label(), 12));
        double zero = x.position(x.min(), LEFT + 90, WIDTH - RIGHT);
        double top = TOP;
        for (int c = 0; c < categories.size(); c++) {
            svg.append(text(LEFT + 84, top + series.size() * 7 + 4, "end", categories.get(c), 11));
            for (Series s : series) {
                double value = s.points().get(c)[0];
                double end = x.position(Math.max(value, x.min()), LEFT + 90, WIDTH - RIGHT);
                svg.append("<rect class=\"bar\" fill=\"")
                        .append(s.color())
                        .append("\" x=\"")
                        .append(n(zero))
                        .append("\" y=\"")
                        .append(n(top))
                        .append("\" width=\"")
                        .append(n(Math.max(1, end - zero)))
                        .append("\" height=\"12\"><title>")
                        .append(escape(s.name() + " " + categories.get(c) + ": "
                                + x.format().apply(value)))
                        .append("</title></rect>\n")
                        .append(text(end + 4, top + 10, "start", x.format().apply(value), 10));
                top += 14;
            }
            top += 12;
        }
        if (reference > 0) {
            double px = x.position(reference, LEFT + 90, WIDTH - RIGHT);
            svg.append("<line x1=\"")
                    .append(n(px))
                    .append("\" y1=\"")
                    .append(TOP - 4)
                    .append("\" x2=\"")
                    .append(n(px))
                    .append("\" y2=\"")
                    .append(plotBottom)
                    .append("\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>\n");
        }
        svg.append(line(LEFT + 90, plotBottom, WIDTH - RIGHT, plotBottom, "#333"));
        legend(svg, series);
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String id, String title) {
        return open(id, title, HEIGHT);
    }

    private static StringBuilder open(String id, String title, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"")
                .append(escape(id))
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" font-family=\"sans-serif\" role=\"img\" aria-label=\"")
                .append(escape(title))
                .append("\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
                .append(text(WIDTH / 2.0, 24, "middle", title, 15)
                        .replace("<text ", "<text class=\"title\" font-weight=\"bold\" "));
        return svg;
    }

    private static void frame(StringBuilder svg, Axis x, Axis y) {
        int bottom = HEIGHT - BOTTOM;
        for (Double t : y.ticks()) {
            double py = y.position(t, bottom, TOP);
            svg.append(line(LEFT, py, WIDTH - RIGHT, py, "#ddd"))
                    .append(text(LEFT - 6, py + 4, "end", y.format().apply(t), 11));
        }
        for (Double t : x.ticks()) {
            double px = x.position(t, LEFT, WIDTH - RIGHT);
            svg.append(line(px, TOP, px, bottom, "#eee"))
                    .append(text(px, bottom + 16, "middle", x.format().apply(t), 11));
        }
        svg.append(line(LEFT, bottom, WIDTH - RIGHT, bottom, "#333"))
                .append(line(LEFT, TOP, LEFT, bottom, "#333"))
                .append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 18, "middle", x.label(), 12))
                .append("<text class=\"axis-label\" font-size=\"12\" text-anchor=\"middle\" transform=\"translate(16,")
                .append(n((TOP + bottom) / 2.0))
                .append(") rotate(-90)\">")
                .append(escape(y.label()))
                .append("</text>\n");
    }

    private static void legend(StringBuilder svg, List<Series> series) {
        double x = LEFT + 12;
        for (Series s : series) {
            svg.append("<g class=\"legend\"><rect x=\"")
                    .append(n(x))
                    .append("\" y=\"32\" width=\"14\" height=\"4\" fill=\"")
                    .append(s.color())
                    .append("\"/>")
                    .append(text(x + 18, 38, "start", s.name(), 11).strip())
                    .append("</g>\n");
            x += 30 + s.name().length() * 6.5;
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String color) {
        return "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\" stroke=\""
                + color + "\"/>\n";
    }

    private static String text(double x, double y, String anchor, String content, int size) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" font-size=\"" + size + "\" text-anchor=\"" + anchor + "\">"
                + escape(content) + "</text>\n";
    }

    /** Min, max and step of a linear axis with about five round steps covering [min, max]. */
    static double[] niceRange(double min, double max) {
        if (!(max > min)) {
            max = min + 1;
        }
        double raw = (max - min) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude <= 1 ? 1 : raw / magnitude <= 2 ? 2 : raw / magnitude <= 5 ? 5 : 10);
        return new double[] {Math.floor(min / step) * step, Math.ceil(max / step) * step, step};
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
