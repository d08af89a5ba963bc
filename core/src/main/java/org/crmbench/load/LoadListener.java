package org.crmbench.load;

/** What the CLI shows while a load run goes on, and where the files go. */
public interface LoadListener {
    /** Called once a second with the interval just finished. */
    void interval(LoadInterval interval);
}
