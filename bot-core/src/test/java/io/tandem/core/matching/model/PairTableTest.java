package io.tandem.core.matching.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fast score table against the rules and the score as {@link HardRules} and {@link PairScore}
 * state them, pair by pair, on random pools dense with links: shared managers, chains, past
 * partners, exclusions, a person on both sides, skills spelled in different cases, blanks.
 */
class PairTableTest {

  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Asia/Kolkata"};
  private static final String[] HOURS = {
    "Mon-Fri 9-17", "Tue 14-16", "Wed 8-10, Thu 15-19", "Sat 10-12"
  };

  @Test
  @DisplayName("every pair: forbidden exactly when a hard rule is broken, else the same score")
  void equalsRulesAndScorePairByPair() {
    Random random = new Random(99);
    for (int round = 0; round < 30; round++) {
      List<Candidate> mentors = people(random, "a", 1 + random.nextInt(25));
      List<Candidate> mentees = people(random, "b", 1 + random.nextInt(25));
      if (random.nextBoolean()) {
        mentees.set(0, person(random, "a0"));
      }
      MatchSettings settings =
          new MatchSettings(
              random.nextInt(50),
              random.nextInt(30),
              random.nextDouble() * 20,
              random.nextInt(20),
              random.nextInt(10),
              random.nextInt(10),
              random.nextInt(3),
              random.nextInt(2) * 180,
              random.nextBoolean(),
              random.nextBoolean());

      long[][] table = Matcher.scoreTable(mentors, mentees, settings, NOW);

      for (int i = 0; i < mentors.size(); i++) {
        for (int j = 0; j < mentees.size(); j++) {
          MatchProfile a = new MatchProfile(mentors.get(i), NOW);
          MatchProfile b = new MatchProfile(mentees.get(j), NOW);
          long expected =
              HardRules.firstBroken(a, b, settings, NOW) != null
                  ? AssignmentSolver.FORBIDDEN
                  : PairScore.scoreMillis(a, b, settings);
          assertThat(table[i][j]).as("round %d, pair %d-%d", round, i, j).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  @DisplayName("a pool big enough to be filled on two threads: both halves' rows, the boundary too")
  void bigTableEqualsRulesAndScoreInBothHalves() {
    Random random = new Random(7);
    List<Candidate> mentors = people(random, "a", 1_001);
    List<Candidate> mentees = people(random, "b", 1_000);
    MatchSettings settings = MatchSettings.DEFAULTS;

    long[][] table = Matcher.scoreTable(mentors, mentees, settings, NOW);

    List<MatchProfile> b = new ArrayList<>();
    mentees.forEach(c -> b.add(new MatchProfile(c, NOW)));
    for (int i : new int[] {0, 1, 2, 498, 499, 500, 501, 502, 998, 999, 1_000}) {
      MatchProfile a = new MatchProfile(mentors.get(i), NOW);
      for (int j = 0; j < mentees.size(); j++) {
        long expected =
            HardRules.firstBroken(a, b.get(j), settings, NOW) != null
                ? AssignmentSolver.FORBIDDEN
                : PairScore.scoreMillis(a, b.get(j), settings);
        assertThat(table[i][j]).as("pair %d-%d", i, j).isEqualTo(expected);
      }
    }
  }

  private static List<Candidate> people(Random random, String prefix, int count) {
    List<Candidate> people = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      people.add(person(random, prefix + k));
    }
    return people;
  }

  private static Candidate person(Random random, String id) {
    Candidate.Builder b =
        Candidate.builder(id, "Person " + id)
            .band(random.nextInt(5))
            .department(random.nextInt(4) == 0 ? "" : (random.nextBoolean() ? "Ops" : "ops"))
            .generation(random.nextInt(3) == 0 ? "" : "Gen " + random.nextInt(3))
            .prefers(CommunicationPreference.values()[random.nextInt(3)])
            .zone(ZoneId.of(ZONES[random.nextInt(ZONES.length)]))
            .availability(HOURS[random.nextInt(HOURS.length)])
            .offers(skills(random))
            .wants(skills(random));
    if (random.nextBoolean()) {
      b.managers("m" + random.nextInt(4), random.nextBoolean() ? "a" + random.nextInt(5) : "top");
    }
    if (random.nextInt(3) == 0) {
      b.pairedBefore(
          (random.nextBoolean() ? "a" : "b") + random.nextInt(5),
          NOW.minus(Duration.ofDays(random.nextInt(400))));
    }
    if (random.nextInt(4) == 0) {
      b.excludes((random.nextBoolean() ? "a" : "b") + random.nextInt(5));
    }
    return b.build();
  }

  private static String[] skills(Random random) {
    String[] pool = {"SQL", "sql", "TikTok", "Figma", "Excel", "Go", "Rust", "Reels"};
    Set<String> out = new LinkedHashSet<>();
    for (int k = random.nextInt(4); k > 0; k--) {
      out.add(pool[random.nextInt(pool.length)]);
    }
    return out.toArray(String[]::new);
  }
}
