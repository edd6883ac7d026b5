package dev.plot.api;

/**
 * A chart link as a store keeps it.
 *
 * @param code the short code of the link
 * @param specKey a digest of the canonical spec, so an identical spec finds its code again
 * @param spec the spec as canonical JSON
 * @param created unix seconds of creation
 */
public record StoredChart(String code, String specKey, String spec, long created) {
}
