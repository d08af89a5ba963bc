package org.crmbench.query;

import java.util.List;

/**
 * One page of users: each row holds the values of {@link UserQueries#columns()} in that order,
 * and the count of all matching users.
 */
public record UserPage(List<Object[]> rows, Count count) {}
