package org.crmbench.advise;

/**
 * What advise decided about a candidate, and why.
 *
 * @param gainMs the p50 milliseconds it saves over the statements it serves (weighted), with the
 *     other chosen indexes there; for one left out, what it would have saved when it was last weighed
 * @param statements how many statements it makes faster
 */
public record Decision(boolean kept, String reason, double gainMs, int statements) {}
