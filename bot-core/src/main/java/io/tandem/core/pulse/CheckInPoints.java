package io.tandem.core.pulse;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a program asks its pairs how it is going: days after each pair was made, ascending. Pure.
 *
 * @param days the points, ascending and distinct; empty when check-ins are off
 */
public record CheckInPoints(List<Integer> days) {

  /** 30, 60 and 90 days after matching, unless the program's admins say otherwise. */
  public static final CheckInPoints DEFAULT = new CheckInPoints(List.of(30, 60, 90));

  public static final CheckInPoints OFF = new CheckInPoints(List.of());

  /** The latest day a point may be: two years after matching. */
  public static final int MAX_DAY = 730;

  /** At most this many points per program. */
  public static final int MAX_POINTS = 8;

  /** A rating at or below this is low and offers the support path. */
  public static final int LOW_RATING = 2;

  /**
   * How long after its day a point is still asked (Tandem was down, or the admins added the point
   * later); a point older than that is skipped, so turning points on never floods old pairs.
   */
  public static final Duration CATCH_UP = Duration.ofDays(7);

  public CheckInPoints {
    days = days.stream().distinct().sorted().toList();
    if (days.size() > MAX_POINTS || days.stream().anyMatch(d -> d < 1 || d > MAX_DAY)) {
      throw new IllegalArgumentException("check-in points must be 1 to " + MAX_DAY + ": " + days);
    }
  }

  /** The points as stored: {@code 30,60,90}, or empty when off. */
  String stored() {
    return days.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  static CheckInPoints stored(String text) {
    return text == null || text.isBlank()
        ? OFF
        : new CheckInPoints(Arrays.stream(text.split(",")).map(Integer::valueOf).toList());
  }

  public boolean off() {
    return days.isEmpty();
  }

  /**
   * The point a pair made at {@code made} is due for at {@code now}: the latest one whose day has
   * come, while it is at most {@link #CATCH_UP} old; empty when none is.
   */
  public Optional<Integer> due(Instant made, Instant now) {
    Optional<Integer> due = Optional.empty();
    for (int day : days) {
      Instant at = made.plus(Duration.ofDays(day));
      if (!at.isAfter(now) && now.isBefore(at.plus(CATCH_UP))) {
        due = Optional.of(day);
      }
    }
    return due;
  }

  /** How people read them: {@code 30, 60 and 90 days after matching}, or {@code off}. */
  public String label() {
    if (off()) {
      return "off";
    }
    String list = days.stream().map(String::valueOf).collect(Collectors.joining(", "));
    int last = list.lastIndexOf(", ");
    String joined = last < 0 ? list : list.substring(0, last) + " and " + list.substring(last + 2);
    return joined + (days.equals(List.of(1)) ? " day" : " days") + " after matching";
  }
}
