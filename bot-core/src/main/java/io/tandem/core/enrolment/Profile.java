package io.tandem.core.enrolment;

import io.tandem.core.matching.model.CommunicationPreference;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a participant tells Tandem about themselves, as matching reads it.
 *
 * @param department e.g. "Marketing"
 * @param seniorityBand 1 (entry level) to {@link #MAX_BAND} (executive); in reverse mentoring the
 *     mentor's band is the lower one
 * @param manager who they report to (name or user id), or {@code null}; used to keep pairs out of
 *     one reporting line
 * @param communication how they prefer to meet
 * @param timeZone an IANA zone id
 * @param canTeach skills they can teach
 * @param wantsToLearn skills they want to learn, each with their own rating now (1–5), the
 *     program's "initial evaluation"
 * @param availability weekly hours in their own time zone (see {@link ProfileText#availability})
 * @param capacity how many people they take on at once: mentors 1–3, mentees always 1
 */
public record Profile(
    String department,
    int seniorityBand,
    String manager,
    CommunicationPreference communication,
    String timeZone,
    Set<String> canTeach,
    Map<String, Integer> wantsToLearn,
    Set<Integer> availability,
    int capacity) {

  public static final int MAX_BAND = 6;
  public static final int MAX_CAPACITY = 3;

  public Profile {
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(communication, "communication");
    Objects.requireNonNull(timeZone, "timeZone");
    if (seniorityBand < 1 || seniorityBand > MAX_BAND) {
      throw new IllegalArgumentException("seniority band out of range: " + seniorityBand);
    }
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity out of range: " + capacity);
    }
    // in the order the person typed them, so every listing and reason reads the same each time
    canTeach = Collections.unmodifiableSet(new LinkedHashSet<>(canTeach));
    wantsToLearn = Collections.unmodifiableMap(new LinkedHashMap<>(wantsToLearn));
    availability = Set.copyOf(availability);
  }
}
