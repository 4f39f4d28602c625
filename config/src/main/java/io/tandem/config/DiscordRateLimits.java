package io.tandem.config;

import org.hibernate.validator.constraints.Range;

/**
 * How fast Tandem calls Discord ({@code discord.rate-limits}). JDA already follows Discord's
 * per-route buckets and waits out every 429; this caps the total in advance.
 *
 * @param globalPerSecond REST requests a second across all routes (Discord: 50 for most bots)
 */
public record DiscordRateLimits(
    @Range(
            min = 1,
            max = MAX_GLOBAL_PER_SECOND,
            message = "is not a whole number between 1 and " + MAX_GLOBAL_PER_SECOND)
        int globalPerSecond) {

  public static final int DEFAULT_GLOBAL_PER_SECOND = 50;
  public static final int MAX_GLOBAL_PER_SECOND = 10_000;

  public DiscordRateLimits {
    SlackRateLimits.requireRange(globalPerSecond, 1, MAX_GLOBAL_PER_SECOND, "globalPerSecond");
  }

  public static DiscordRateLimits defaults() {
    return new DiscordRateLimits(DEFAULT_GLOBAL_PER_SECOND);
  }
}
