package org.crmbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells with a title, rendered aligned for a terminal (numbers right-aligned) or
 * as a Markdown table for a pull request or README.
 */
public final class TextTable {
    /** A column: its header (with the unit, e.g. "p50 ms") and whether its cells are numbers. */
    public record Column(String header, boolean numeric) {
        public static Column text(String header) {
            return new Column(header, false);
        }

        public static Column number(String header) {
            return new Column(header, true);
        }
    }

    public enum Format {
        TEXT,
        MARKDOWN
    }

    private final String title;
    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String title, List<Column> columns) {
        this.title = title;
        this.columns = List.copyOf(columns);
    }

    public TextTable row(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + title + " needs " + columns.size() + " cells");
        }
        rows.add(List.of(cells));
        return this;
    }

    public String title() {
        return title;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public String render(Format format) {
        return format == Format.MARKDOWN ? markdown() : text();
    }

    private String text() {
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).header().length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder(title).append('\n');
        appendLine(out, columns.stream().map(Column::header).toList(), width);
        for (List<String> row : rows) {
            appendLine(out, row, width);
        }
        return out.toString();
    }

    private void appendLine(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(columns.get(c).numeric() ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private String markdown() {
        StringBuilder out = new StringBuilder(String.join("  \n", title.lines().toList())).append("\n\n|");
        columns.forEach(c -> out.append(' ').append(escape(c.header())).append(" |"));
        out.append("\n|");
        columns.forEach(c -> out.append(c.numeric() ? "---:|" : "---|"));
        out.append('\n');
        for (List<String> row : rows) {
            out.append('|');
            row.forEach(cell -> out.append(' ').append(escape(cell)).append(" |"));
            out.append('\n');
        }
        return out.toString();
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|");
    }
}
