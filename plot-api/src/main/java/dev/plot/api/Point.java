package dev.plot.api;

/**
 * One stored point of a series.
 *
 * @param time unix seconds
 * @param value the stored integer
 */
public record Point(long time, long value) {
}
