package org.crmbench.api;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.crmbench.query.Filter;
import org.crmbench.query.RangeFilter;
import org.crmbench.query.Search;

/**
 * The users API's contract, in one place: its paths, the list's parameters and page limits. The
 * server enforces it, the OpenAPI document describes it, and {@code bench --surface}, {@code load}'s
 * bundled scenarios and {@code advise} build their requests from it.
 */
public final class UsersApi {
    public static final String LIST_PATH = "/api/users/";
    public static final String DETAIL_PATH = "/api/users/{id}/";
    public static final String RUN_QUERY_PATH = "/api/run-query/";
    public static final String SCHEMA_PATH = "/api/schema/";
    public static final String DOCS_PATH = "/api/docs/";

    public static final String PAGE = "page";
    public static final String PAGE_SIZE = "page_size";
    public static final String ORDERING = "ordering";
    public static final String CURSOR = "cursor";

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;
    /**
     * How deep page numbers reach by default (page × page_size): beyond it, the cursor. Deeper
     * offsets read and throw away every row before the page.
     */
    public static final long DEFAULT_MAX_RESULT_WINDOW = 10_000;

    /** The list's query parameters: the OpenAPI document describes these, the server refuses others. */
    public static final List<String> LIST_PARAMETERS = Stream.of(
                    Stream.of(PAGE, PAGE_SIZE, ORDERING, CURSOR),
                    Arrays.stream(Filter.values()).map(Filter::apiName),
                    Arrays.stream(Filter.values()).filter(Filter::takesList).map(Filter::anyOfName),
                    Arrays.stream(RangeFilter.values()).flatMap(r -> Stream.of(r.fromName(), r.toName())),
                    Stream.of(Search.PARAMETER))
            .flatMap(s -> s)
            .toList();

    public static final List<String> RUN_QUERY_PARAMETERS = List.of("count", "type", "user_id");

    private UsersApi() {}

    /** The message for a page size outside the contract, with the option or parameter's name. */
    public static String pageSizeProblem(String name, int pageSize) {
        return pageSize < 1 || pageSize > MAX_PAGE_SIZE
                ? name + " must be between 1 and " + MAX_PAGE_SIZE + " but was " + pageSize
                : null;
    }
}
