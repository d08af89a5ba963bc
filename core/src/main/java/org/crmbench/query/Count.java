package org.crmbench.query;

/** A row count and whether it is the planner's estimate rather than exact. */
public record Count(long value, boolean estimate) {}
