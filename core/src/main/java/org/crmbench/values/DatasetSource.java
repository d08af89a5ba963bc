package org.crmbench.values;

import java.util.List;
import org.crmbench.query.Filter;

/** Where {@code dataset:} values come from: the crmbench dataset the API serves. */
public interface DatasetSource {
    /** The number of users (ids 1..users). */
    long users();

    /** Values of a filtered column, each as often as in the dataset (a sample of it). */
    List<String> values(Filter column);
}
