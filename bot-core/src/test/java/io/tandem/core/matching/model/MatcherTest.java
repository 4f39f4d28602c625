package io.tandem.core.matching.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.kernel.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MatcherTest {

  static final Instant NOW = Instant.parse("2025-03-03T12:00:00Z");
  static final MatchSettings SETTINGS = MatchSettings.DEFAULTS;

  static Candidate.Builder person(String id, int band) {
    return Candidate.builder(id, id.substring(0, 1).toUpperCase() + id.substring(1)).band(band);
  }

  @Nested
  @DisplayName("the optimum")
  class Optimum {

    @Test
    @DisplayName(
        "random cohorts: total score equals JGraphT's exact optimum, and no rule is broken")
    void randomCohortsMatchJGraphT() {
      Random random = new Random(11);
      for (int round = 0; round < 60; round++) {
        List<Candidate> mentors = new ArrayList<>();
        List<Candidate> mentees = new ArrayList<>();
        int mentorCount = 1 + random.nextInt(14);
        int menteeCount = 1 + random.nextInt(30);
        for (int i = 0; i < mentorCount; i++) {
          mentors.add(randomCandidate(random, "r" + i, 0, 3, 1 + random.nextInt(3)));
        }
        for (int j = 0; j < menteeCount; j++) {
          mentees.add(randomCandidate(random, "e" + j, 1, 6, 1));
        }
        MatchSettings settings =
            SETTINGS
                .withMinimumSeniorityGap(random.nextInt(3))
                .withMixWanted(random.nextBoolean(), true);

        MatchResult result = Matcher.match(mentors, mentees, settings, NOW);

        AssignmentSolverTest.Optimum expected = jgraphtOptimum(mentors, mentees, settings);
        assertThat(result.pairs()).as("round " + round).hasSize(expected.matched());
        long totalMillis = 0;
        for (MatchedPair pair : result.pairs()) {
          totalMillis += Math.round(pair.score() * 1000);
        }
        assertThat(-totalMillis).as("round " + round).isEqualTo(expected.cost());
        assertThat(Math.round(result.totalScore() * 1000)).isEqualTo(totalMillis);
        assertRulesHold(result, mentors, mentees, settings);
      }
    }

    @Test
    @DisplayName("matching one more person beats a higher total with fewer pairs")
    void moreMatchedBeatsHigherScore() {
      Candidate ana = person("ana", 0).offers("TikTok", "Figma").build();
      Candidate ben = person("ben", 3).wants("TikTok", "Figma").build();
      Candidate cleo = person("cleo", 3).build();
      Candidate dan = person("dan", 0).managers("cleo").build(); // Dan reports to Cleo
      // Ana-Ben is the best single pair, but Dan can only take Ben (Cleo is his manager):
      // two pairs beat one better pair.

      MatchResult result = Matcher.match(List.of(ana, dan), List.of(ben, cleo), SETTINGS, NOW);

      assertThat(result.pairs())
          .extracting(p -> p.mentor().id() + "-" + p.mentee().id())
          .containsExactlyInAnyOrder("dan-ben", "ana-cleo");
      assertThat(result.unmatched()).isEmpty();
    }
  }

  @Nested
  @DisplayName("unmatched people are told why")
  class UnmatchedReasons {

    @Test
    @DisplayName("no mentor far enough below")
    void seniority() {
      Candidate mentor = person("ana", 4).build();
      Candidate mentee = person("ben", 5).build();

      MatchResult result =
          Matcher.match(List.of(mentor), List.of(mentee), SETTINGS.withMinimumSeniorityGap(2), NOW);

      assertThat(result.pairs()).isEmpty();
      assertThat(result.unmatched())
          .extracting(Unmatched::role, Unmatched::reason, Unmatched::explanation)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  Role.MENTEE, UnmatchedReason.SENIORITY_GAP, "no mentor two bands below you"),
              org.assertj.core.groups.Tuple.tuple(
                  Role.MENTOR, UnmatchedReason.SENIORITY_GAP, "no mentee two bands above you"));
    }

    @Test
    @DisplayName("everyone eligible is in the reporting line (chain or shared manager)")
    void reportingLine() {
      Candidate boss = person("boss", 5).managers("vp").build();
      Candidate directReport = person("dora", 0).managers("boss", "vp").build();
      Candidate peer = person("pia", 0).managers("vp").build(); // same direct manager as boss
      Candidate outsider = person("oli", 2).managers("cfo").build();

      MatchResult result = Matcher.match(List.of(directReport, peer), List.of(boss), SETTINGS, NOW);

      assertThat(result.pairs()).isEmpty();
      assertThat(result.unmatched().get(0).explanation())
          .isEqualTo("everyone eligible is in your reporting line");
      assertThat(Matcher.sameReportingLine(directReport, outsider)).isFalse();
      assertThat(Matcher.sameReportingLine(peer, boss)).isTrue();
    }

    @Test
    @DisplayName("all suitable mentors are at capacity")
    void capacity() {
      Candidate ana = person("ana", 0).capacity(1).offers("Reels").build();
      Candidate ben = person("ben", 3).wants("Reels").build();
      Candidate cleo = person("cleo", 3).build();

      MatchResult result = Matcher.match(List.of(ana), List.of(ben, cleo), SETTINGS, NOW);

      assertThat(result.pairs()).extracting(p -> p.mentee().id()).containsExactly("ben");
      assertThat(result.unmatched())
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.person().id()).isEqualTo("cleo");
                assertThat(u.explanation()).isEqualTo("all suitable mentors are at capacity");
              });
    }

    @Test
    @DisplayName("recent partners wait for the cooldown; older ones may pair again")
    void cooldown() {
      Candidate mentor =
          person("ana", 0).pairedBefore("ben", NOW.minus(Duration.ofDays(30))).build();
      Candidate mentee = person("ben", 3).build();

      MatchResult soon = Matcher.match(List.of(mentor), List.of(mentee), SETTINGS, NOW);
      MatchResult later =
          Matcher.match(List.of(mentor), List.of(mentee), SETTINGS.withRepeatCooldownDays(20), NOW);

      assertThat(soon.unmatched().get(0).explanation())
          .isEqualTo("you were paired with everyone eligible in the last 180 days");
      assertThat(later.pairs()).hasSize(1);
    }

    @Test
    @DisplayName("private exclusions are respected, from either side")
    void exclusions() {
      Candidate mentor = person("ana", 0).build();
      Candidate mentee = person("ben", 3).excludes("ana").build();

      MatchResult result = Matcher.match(List.of(mentor), List.of(mentee), SETTINGS, NOW);

      assertThat(result.pairs()).isEmpty();
      assertThat(result.unmatched().get(0).reason()).isEqualTo(UnmatchedReason.EXCLUDED);
    }

    @Test
    @DisplayName("nobody on the other side")
    void emptyPool() {
      MatchResult result =
          Matcher.match(List.of(), List.of(person("ben", 3).build()), SETTINGS, NOW);

      assertThat(result.unmatched().get(0).explanation()).isEqualTo("no mentors have joined yet");
      assertThat(result.totalScore()).isZero();
    }
  }

  @Nested
  @DisplayName("reasons read well")
  class Reasons {

    @Test
    @DisplayName("skills both ways, shared hours across time zones")
    void plainWords() {
      Candidate ana =
          person("ana", 0)
              .offers("Instagram reels", "TikTok")
              .wants("negotiation")
              .prefers(CommunicationPreference.CHAT)
              .zone(ZoneId.of("Europe/Berlin"))
              .availability("Mon 9-12")
              .department("Marketing")
              .build();
      Candidate ben =
          person("ben", 4)
              .wants("instagram Reels")
              .offers("Negotiation")
              .prefers(CommunicationPreference.CALL)
              .zone(ZoneId.of("Europe/London"))
              .availability("Mon 8-10")
              .department("Marketing")
              .build();

      PairEvaluation evaluation = Matcher.evaluate(ana, ben, SETTINGS, NOW);

      assertThat(evaluation.allowed()).isTrue();
      // Berlin is UTC+1 in March, London UTC+0: Ana 08-11 UTC, Ben 08-10 UTC -> 2 hours
      assertThat(evaluation.reasons())
          .containsExactly(
              "Ana can teach Instagram reels that Ben wants to learn",
              "Ben can teach Negotiation that Ana wants to learn in return",
              "2 hours of shared availability a week",
              "career start unknown for Ana and Ben, so the generation mix counts as neutral");
      // 40 (all wanted) + 20 (all wanted back) + 0 (chat vs call) + 15 * 2/4; same department;
      // neither gave a career start: half of the generation mix's 5
      assertThat(evaluation.score()).isEqualTo(70.0);
      assertThat(evaluation.contributions()).containsEntry(ScoreComponent.COMMUNICATION, 0.0);
    }

    @Test
    @DisplayName("communication and mixing reasons")
    void communicationAndMix() {
      Candidate ana =
          person("ana", 0)
              .prefers(CommunicationPreference.CALL)
              .department("Sales")
              .generation("Gen Z")
              .availability("")
              .build();
      Candidate ben =
          person("ben", 4)
              .prefers(CommunicationPreference.CALL)
              .department("Finance")
              .generation("Gen X")
              .build();

      PairEvaluation evaluation = Matcher.evaluate(ana, ben, SETTINGS, NOW);

      assertThat(evaluation.reasons())
          .containsExactly(
              "both prefer calls",
              "they work in different departments (Sales and Finance)",
              "they bring different generations together");
    }

    @Test
    @DisplayName("broken rules are named in plain words")
    void ruleProblems() {
      Candidate ana = person("ana", 3).managers("ben").build();
      Candidate ben = person("ben", 3).build();

      PairEvaluation evaluation = Matcher.evaluate(ana, ben, SETTINGS, NOW);

      assertThat(evaluation.brokenRules())
          .containsExactlyInAnyOrder(HardRule.SENIORITY_GAP, HardRule.REPORTING_LINE);
      assertThat(evaluation.ruleProblems())
          .containsExactly(
              "Ana (band 3) is not at least one band below Ben (band 3)",
              "Ana and Ben are in the same reporting line");
    }

    @Test
    @DisplayName("long skill lists are shortened")
    void skillLists() {
      assertThat(Matcher.skillList(List.of("A"))).isEqualTo("A");
      assertThat(Matcher.skillList(List.of("A", "B"))).isEqualTo("A and B");
      assertThat(Matcher.skillList(List.of("A", "B", "C"))).isEqualTo("A, B and C");
      assertThat(Matcher.skillList(List.of("A", "B", "C", "D", "E")))
          .isEqualTo("A, B, C and 2 more");
    }
  }

  @Nested
  @DisplayName("swap and rescore")
  class SwapAndRescore {

    @Test
    @DisplayName("two mentees exchange mentors; the result is rescored and checked")
    void swapMentees() {
      Candidate ana = person("ana", 0).offers("Figma").build();
      Candidate dan = person("dan", 0).offers("SQL").build();
      Candidate ben = person("ben", 3).wants("Figma").build();
      Candidate cleo = person("cleo", 3).wants("SQL").managers("dan").build();
      List<Candidate> mentors = List.of(ana, dan);
      List<Candidate> mentees = List.of(ben, cleo);
      MatchResult best = Matcher.match(mentors, mentees, SETTINGS, NOW);
      assertThat(best.pairing())
          .containsExactlyInAnyOrder(new Pairing("ana", "cleo"), new Pairing("dan", "ben"));

      List<Pairing> swapped = Matcher.swap(best.pairing(), mentors, mentees, "ben", "cleo");
      Rescored rescored = Matcher.rescore(mentors, mentees, swapped, SETTINGS, NOW);

      assertThat(swapped)
          .containsExactlyInAnyOrder(new Pairing("ana", "ben"), new Pairing("dan", "cleo"));
      assertThat(rescored.valid()).isFalse();
      assertThat(rescored.problems())
          .containsExactly("Dan and Cleo are in the same reporting line");
    }

    @Test
    @DisplayName("over capacity, duplicates and unknown people are problems")
    void problems() {
      Candidate ana = person("ana", 0).build();
      Candidate ben = person("ben", 3).build();
      Candidate cleo = person("cleo", 3).build();

      Rescored rescored =
          Matcher.rescore(
              List.of(ana),
              List.of(ben, cleo),
              List.of(
                  new Pairing("ana", "ben"), new Pairing("ana", "cleo"), new Pairing("x", "ben")),
              SETTINGS,
              NOW);

      assertThat(rescored.problems())
          .containsExactly(
              "nobody with id x is in the mentor pool",
              "Ana would have 2 mentees but takes at most 1");
    }

    @Test
    @DisplayName("swapping people from different sides is refused")
    void differentSides() {
      Candidate ana = person("ana", 0).build();
      Candidate ben = person("ben", 3).build();

      assertThatThrownBy(() -> Matcher.swap(List.of(), List.of(ana), List.of(ben), "ana", "ben"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("weekly availability")
  class Availability {

    @Test
    @DisplayName("text form round-trips and bad text is named")
    void parse() {
      WeeklyAvailability a = WeeklyAvailability.parse("Mon-Tue 9-11, sun 22-24");

      assertThat(a.totalHours()).isEqualTo(6);
      assertThat(a.contains(9)).isTrue();
      assertThat(a.contains(24 + 10)).isTrue();
      assertThat(a.contains(167)).isTrue();
      assertThat(a).hasToString("Mon 9-11, Tue 9-11, Sun 22-24");
      assertThat(WeeklyAvailability.parse(a.toString())).isEqualTo(a);
      assertThatThrownBy(() -> WeeklyAvailability.parse("Mon 9"))
          .hasMessageContaining("Mon-Fri 9-17");
      assertThatThrownBy(() -> WeeklyAvailability.parse("Funday 9-10"))
          .hasMessageContaining("Funday");
    }

    @Test
    @DisplayName("people eight hours apart share no working hours")
    void timeZones() {
      Candidate tokyo = person("ana", 0).zone(ZoneId.of("Asia/Tokyo")).build();
      Candidate london = person("ben", 3).zone(ZoneId.of("Europe/London")).build();
      Candidate paris = person("cleo", 3).zone(ZoneId.of("Europe/Paris")).build();

      assertThat(Matcher.evaluate(tokyo, london, SETTINGS, NOW).contributions())
          .containsEntry(ScoreComponent.AVAILABILITY, 0.0);
      assertThat(Matcher.evaluate(tokyo, paris, SETTINGS, NOW).reasons())
          .doesNotContain("hours of shared availability a week");
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private static final String[] SKILLS = {
    "TikTok", "Figma", "SQL", "Python", "Reels", "Notion", "negotiation", "budgeting", "strategy"
  };
  private static final String[] DEPARTMENTS = {"Sales", "Finance", "Marketing", "IT"};
  private static final String[] ZONES = {
    "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"
  };

  private static Candidate randomCandidate(
      Random random, String id, int lowBand, int highBand, int capacity) {
    Candidate.Builder b =
        Candidate.builder(id, id)
            .band(lowBand + random.nextInt(highBand - lowBand + 1))
            .department(DEPARTMENTS[random.nextInt(DEPARTMENTS.length)])
            .offers(randomSkills(random))
            .wants(randomSkills(random))
            .prefers(CommunicationPreference.values()[random.nextInt(3)])
            .zone(ZoneId.of(ZONES[random.nextInt(ZONES.length)]))
            .availability(
                WeeklyAvailability.parse(
                    "Mon-Fri " + (6 + random.nextInt(6)) + "-" + (12 + random.nextInt(10))))
            .generation(random.nextBoolean() ? "Gen Z" : "Gen X")
            .capacity(capacity);
    if (random.nextInt(3) == 0) {
      b.managers("r" + random.nextInt(10), "e" + random.nextInt(10));
    }
    if (random.nextInt(4) == 0) {
      b.pairedBefore(
          (id.startsWith("r") ? "e" : "r") + random.nextInt(10),
          NOW.minus(Duration.ofDays(random.nextInt(400))));
    }
    if (random.nextInt(5) == 0) {
      b.excludes((id.startsWith("r") ? "e" : "r") + random.nextInt(10));
    }
    return b.build();
  }

  private static Set<String> randomSkills(Random random) {
    Set<String> skills = new HashSet<>();
    int count = random.nextInt(4);
    for (int k = 0; k < count; k++) {
      skills.add(SKILLS[random.nextInt(SKILLS.length)]);
    }
    return skills;
  }

  /** Slots, scores from {@link Matcher#evaluate}, optimum from JGraphT. */
  private static AssignmentSolverTest.Optimum jgraphtOptimum(
      List<Candidate> mentors, List<Candidate> mentees, MatchSettings settings) {
    List<long[]> rows = new ArrayList<>();
    for (Candidate mentor : mentors) {
      long[] row = new long[mentees.size()];
      for (int j = 0; j < mentees.size(); j++) {
        PairEvaluation e = Matcher.evaluate(mentor, mentees.get(j), settings, NOW);
        row[j] = e.allowed() ? -Math.round(e.score() * 1000) : AssignmentSolver.FORBIDDEN;
      }
      for (int k = 0; k < mentor.capacity(); k++) {
        rows.add(row);
      }
    }
    return AssignmentSolverTest.jgraphtLexicographic(rows.toArray(long[][]::new));
  }

  /** Hard rules checked independently of the matcher's own code. */
  private static void assertRulesHold(
      MatchResult result,
      List<Candidate> mentors,
      List<Candidate> mentees,
      MatchSettings settings) {
    Map<String, Integer> load = new HashMap<>();
    Set<String> paired = new HashSet<>();
    for (MatchedPair pair : result.pairs()) {
      Candidate a = pair.mentor();
      Candidate b = pair.mentee();
      assertThat(a.seniorityBand())
          .isLessThanOrEqualTo(b.seniorityBand() - settings.minimumSeniorityGap());
      assertThat(b.managerChain()).doesNotContain(a.id());
      assertThat(a.managerChain()).doesNotContain(b.id());
      if (!a.managerChain().isEmpty() && !b.managerChain().isEmpty()) {
        assertThat(a.managerChain().get(0)).isNotEqualTo(b.managerChain().get(0));
      }
      Instant cutoff = NOW.minus(Duration.ofDays(settings.repeatCooldownDays()));
      for (PastPartner past : a.pastPartners()) {
        assertThat(past.personId().equals(b.id()) && past.pairedAt().isAfter(cutoff)).isFalse();
      }
      for (PastPartner past : b.pastPartners()) {
        assertThat(past.personId().equals(a.id()) && past.pairedAt().isAfter(cutoff)).isFalse();
      }
      assertThat(a.exclusions()).doesNotContain(b.id());
      assertThat(b.exclusions()).doesNotContain(a.id());
      assertThat(paired.add(b.id())).as("mentee paired twice").isTrue();
      load.merge(a.id(), 1, Integer::sum);
    }
    for (Candidate mentor : mentors) {
      assertThat(load.getOrDefault(mentor.id(), 0)).isLessThanOrEqualTo(mentor.capacity());
    }
    assertThat(
            result.pairs().size()
                + result.unmatched().stream().filter(u -> u.role() == Role.MENTEE).count())
        .isEqualTo(mentees.size());
  }
}
