package org.crmbench.load;

/** One request: the name it is reported under, and its path and query. */
record LoadRequest(String name, String path) {}
