package io.github.pbitoken.console.cli;

/**
 * One row of {@code pbi-token config}.
 *
 * @param key the full key, e.g. {@code pbi-token.tenant-id}
 * @param value the effective value as HOCON, {@code ****} for secrets
 * @param origin where it came from: {@code default}, {@code app.conf:3}, {@code environment
 *     variable X}, {@code option --x}
 */
public record EffectiveSetting(String key, String value, String origin) {}
