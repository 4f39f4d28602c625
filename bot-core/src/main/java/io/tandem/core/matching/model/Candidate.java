package io.tandem.core.matching.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One person in the matching pool, as a mentor or as a mentee (the side is given by the list they
 * are passed in).
 *
 * @param id stable identifier (e.g. the platform user id); unique within its side
 * @param name how reasons address the person, e.g. "Ana"
 * @param seniorityBand 0 = most junior; in reverse mentoring the mentor has the lower band
 * @param department free text, compared case-insensitively; blank when unknown
 * @param managerChain the ids of the person's managers, direct manager first, then theirs, up the
 *     line; empty when unknown. Used by the reporting-line rule (see {@link HardRule})
 * @param skillsOffered what the person can teach
 * @param skillsWanted what the person wants to learn
 * @param communication preferred way to meet
 * @param zone the person's time zone; availability is in this zone's local time
 * @param availability weekly hours the person can meet, local time
 * @param capacity how many mentees a mentor takes at once, 1–3 (mentees: 1)
 * @param generation optional label such as a career-start band ("2015 or later"); blank when
 *     unknown, and then the generation mix counts as neutral for every pair of this person
 * @param pastPartners earlier pairs, for the repeat cooldown
 * @param exclusions ids of people this person must not be paired with (private, admin only)
 * @param waitingSince when the person was left unmatched in an earlier round and has waited since,
 *     or {@code null}: such people are matched first (see {@link Matcher})
 */
public record Candidate(
    String id,
    String name,
    int seniorityBand,
    String department,
    List<String> managerChain,
    Set<String> skillsOffered,
    Set<String> skillsWanted,
    CommunicationPreference communication,
    ZoneId zone,
    WeeklyAvailability availability,
    int capacity,
    String generation,
    List<PastPartner> pastPartners,
    Set<String> exclusions,
    Instant waitingSince) {

  /** The largest capacity a mentor can offer. */
  public static final int MAX_CAPACITY = 3;

  public Candidate {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a candidate needs an id");
    }
    name = name == null || name.isBlank() ? id : name.strip();
    if (seniorityBand < 0) {
      throw new IllegalArgumentException("seniority band of " + id + " must be 0 or more");
    }
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "capacity of " + id + " must be between 1 and " + MAX_CAPACITY + ", was " + capacity);
    }
    department = department == null ? "" : department.strip();
    generation = generation == null ? "" : generation.strip();
    managerChain = List.copyOf(managerChain);
    skillsOffered = cleanSkills(skillsOffered);
    skillsWanted = cleanSkills(skillsWanted);
    Objects.requireNonNull(communication, "communication");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(availability, "availability");
    pastPartners = List.copyOf(pastPartners);
    exclusions = Set.copyOf(exclusions);
  }

  private static Set<String> cleanSkills(Set<String> skills) {
    Set<String> clean = new LinkedHashSet<>();
    for (String skill : skills) {
      if (skill != null && !skill.isBlank()) {
        clean.add(skill.strip());
      }
    }
    return java.util.Collections.unmodifiableSet(clean);
  }

  /** The direct manager's id, or blank when unknown. */
  public String directManager() {
    return managerChain.isEmpty() ? "" : managerChain.get(0);
  }

  public static Builder builder(String id, String name) {
    return new Builder(id, name);
  }

  /** Whether the person waits since an earlier round and goes first. */
  public boolean waiting() {
    return waitingSince != null;
  }

  /**
   * Builds a candidate with sensible defaults: band 0, no department, no managers, chat, UTC,
   * Mon–Fri 9–17, capacity 1.
   */
  public static final class Builder {
    private final String id;
    private final String name;
    private int seniorityBand;
    private String department = "";
    private List<String> managerChain = List.of();
    private Set<String> skillsOffered = Set.of();
    private Set<String> skillsWanted = Set.of();
    private CommunicationPreference communication = CommunicationPreference.CHAT;
    private ZoneId zone = ZoneOffset.UTC;
    private WeeklyAvailability availability = WeeklyAvailability.WORKING_HOURS;
    private int capacity = 1;
    private String generation = "";
    private final List<PastPartner> pastPartners = new ArrayList<>();
    private final Set<String> exclusions = new LinkedHashSet<>();
    private Instant waitingSince;

    private Builder(String id, String name) {
      this.id = id;
      this.name = name;
    }

    public Builder band(int seniorityBand) {
      this.seniorityBand = seniorityBand;
      return this;
    }

    public Builder department(String department) {
      this.department = department;
      return this;
    }

    /** Direct manager first, then up the line. */
    public Builder managers(String... managerChain) {
      this.managerChain = List.of(managerChain);
      return this;
    }

    public Builder offers(String... skills) {
      this.skillsOffered = Set.of(skills);
      return this;
    }

    public Builder wants(String... skills) {
      this.skillsWanted = Set.of(skills);
      return this;
    }

    public Builder offers(Set<String> skills) {
      this.skillsOffered = skills;
      return this;
    }

    public Builder wants(Set<String> skills) {
      this.skillsWanted = skills;
      return this;
    }

    public Builder prefers(CommunicationPreference communication) {
      this.communication = communication;
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    public Builder availability(WeeklyAvailability availability) {
      this.availability = availability;
      return this;
    }

    /** Shorthand for {@code availability(WeeklyAvailability.parse(text))}. */
    public Builder availability(String text) {
      return availability(WeeklyAvailability.parse(text));
    }

    public Builder capacity(int capacity) {
      this.capacity = capacity;
      return this;
    }

    public Builder generation(String generation) {
      this.generation = generation;
      return this;
    }

    public Builder pairedBefore(String personId, Instant pairedAt) {
      this.pastPartners.add(new PastPartner(personId, pairedAt));
      return this;
    }

    public Builder excludes(String... personIds) {
      this.exclusions.addAll(List.of(personIds));
      return this;
    }

    /** Left unmatched in the round of {@code since} and waiting since. */
    public Builder waitingSince(Instant since) {
      this.waitingSince = since;
      return this;
    }

    public Candidate build() {
      return new Candidate(
          id,
          name,
          seniorityBand,
          department,
          managerChain,
          skillsOffered,
          skillsWanted,
          communication,
          zone,
          availability,
          capacity,
          generation,
          pastPartners,
          exclusions,
          waitingSince);
    }
  }
}
