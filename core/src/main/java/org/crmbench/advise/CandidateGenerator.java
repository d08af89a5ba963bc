package org.crmbench.advise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidates from the workload's accesses: for each, its equality keys then its sort (filter,
 * then sort: one range scan returns the page in order), its equality keys then its first range
 * key, the equality keys alone, each join key, a covering variant (INCLUDE) when the scan hands on
 * up to {@value #MAX_INCLUDED} more columns, and a partial variant for conditions written in the
 * SQL. A candidate whose keys begin another candidate's, or that an existing index already has
 * first, is left out: the longer index serves every statement the shorter one would; so is a
 * covering one whose included columns another candidate has as keys after the same ones. A key
 * matched with LIKE or ILIKE gets a trigram candidate of its own (a B-tree serves no pattern that
 * begins with a wildcard); on a database without pg_trgm, {@link Advisor} leaves those out.
 */
final class CandidateGenerator {
    static final int MAX_INCLUDED = 3;

    private CandidateGenerator() {}

    /**
     * @param accesses each statement's accesses, by statement name (the count of statements a
     *     candidate comes from orders the list: the most widely useful first)
     * @param existing the key lists of the indexes already there, by table
     */
    static List<Candidate> from(Map<String, List<Access>> accesses, Map<TableName, List<List<String>>> existing) {
        Map<String, Candidate> bySignature = new LinkedHashMap<>();
        Map<String, Integer> statements = new LinkedHashMap<>();
        accesses.forEach((statement, list) -> {
            Set<String> seen = new java.util.HashSet<>();
            for (Access a : list) {
                for (Candidate c : of(a)) {
                    bySignature.putIfAbsent(c.signature(), c);
                    if (seen.add(c.signature())) {
                        statements.merge(c.signature(), 1, Integer::sum);
                    }
                }
            }
        });
        List<Candidate> all = new ArrayList<>(bySignature.values());
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : all) {
            boolean longerExists = all.stream().anyMatch(c::isPrefixOf);
            boolean alreadyIndexed = existing.getOrDefault(c.table(), List.of()).stream()
                    .anyMatch(keys -> !c.trigram()
                            && c.include().isEmpty()
                            && c.where().isEmpty()
                            && keys.size() >= c.keys().size()
                            && keys.subList(0, c.keys().size()).equals(c.keys()));
            if (!longerExists && !alreadyIndexed && !coveredByKeys(c, all)) {
                kept.add(c);
            }
        }
        // a candidate also serves the statements of the shorter ones it made redundant
        Map<Candidate, Integer> served = new LinkedHashMap<>();
        for (Candidate c : kept) {
            int n = statements.get(c.signature());
            for (Candidate shorter : all) {
                if (shorter.isPrefixOf(c)) {
                    n += statements.get(shorter.signature());
                }
            }
            served.put(c, n);
        }
        kept.sort((x, y) -> Integer.compare(served.get(y), served.get(x)));
        return kept;
    }

    /**
     * Whether another candidate has the covering one's keys first and its included columns as keys
     * too: it answers the same index-only scans, in more orders, at about the same size.
     */
    private static boolean coveredByKeys(Candidate c, List<Candidate> all) {
        return !c.include().isEmpty()
                && all.stream()
                        .anyMatch(d -> d.include().isEmpty()
                                && !d.trigram()
                                && d.table().equals(c.table())
                                && d.where().equals(c.where())
                                && d.keys().size() > c.keys().size()
                                && d.keys().subList(0, c.keys().size()).equals(c.keys())
                                && d.keys().containsAll(c.include()));
    }

    /** The candidates one access suggests, in the order above. */
    static List<Candidate> of(Access a) {
        List<Candidate> out = new ArrayList<>();
        List<String> equal = a.equal();
        List<String> sort = a.sortKeys().stream()
                .filter(k -> !equal.contains(k.replaceFirst(" (DESC|NULLS (FIRST|LAST)).*$", "")))
                .toList();
        List<String> base = null;
        if (!sort.isEmpty()) {
            base = concat(equal, sort);
            out.add(new Candidate(a.table(), base, List.of(), "", equal.isEmpty() ? "sort" : "filter+sort"));
        }
        if (!a.range().isEmpty()
                && (sort.isEmpty() || !sort.getFirst().startsWith(a.range().getFirst()))) {
            List<String> keys = concat(equal, List.of(a.range().getFirst()));
            out.add(new Candidate(a.table(), keys, List.of(), "", equal.isEmpty() ? "range" : "filter+range"));
            base = base == null ? keys : base;
        }
        if (!equal.isEmpty()) {
            out.add(new Candidate(a.table(), equal, List.of(), "", "filter"));
            base = base == null ? equal : base;
        }
        for (String key : a.join()) {
            out.add(new Candidate(a.table(), List.of(key), List.of(), "", "join"));
        }
        for (String key : a.pattern()) {
            out.add(new Candidate(a.table(), List.of(key), List.of(), "", Candidate.TRIGRAM));
        }
        if (base != null) {
            List<String> keys = base;
            List<String> include = a.outputs().stream()
                    .filter(col -> keys.stream().noneMatch(k -> k.equals(col) || k.startsWith(col + " ")))
                    .toList();
            if (!include.isEmpty() && include.size() <= MAX_INCLUDED) {
                out.add(new Candidate(a.table(), base, include, "", "covering"));
            }
            if (!a.fixed().isEmpty()) {
                out.add(new Candidate(a.table(), base, List.of(), String.join(" AND ", a.fixed()), "partial"));
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(k -> !all.contains(k)).forEach(all::add);
        return all;
    }
}
