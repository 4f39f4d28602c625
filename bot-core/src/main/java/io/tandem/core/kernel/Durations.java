package io.tandem.core.kernel;

/** Formats lengths of time the way people say them. */
public final class Durations {

  private Durations() {}

  /**
   * A number of minutes in words: {@code 1 minute}, {@code 45 minutes}, {@code 1 hour}, {@code 2
   * hours}, {@code 1 h 30 min}.
   *
   * @param minutes zero or more
   */
  public static String humanMinutes(long minutes) {
    if (minutes < 0) {
      throw new IllegalArgumentException("negative minutes: " + minutes);
    }
    long hours = minutes / 60;
    long rest = minutes % 60;
    if (hours == 0) {
      return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
    if (rest == 0) {
      return hours == 1 ? "1 hour" : hours + " hours";
    }
    return hours + " h " + rest + " min";
  }
}
