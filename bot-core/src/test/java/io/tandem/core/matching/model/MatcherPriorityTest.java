package io.tandem.core.matching.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("People left unmatched in an earlier round go first")
class MatcherPriorityTest {

  private static final Instant NOW = MatcherTest.NOW;
  private static final Instant ROUND_ONE = Instant.parse("2025-02-03T10:00:00Z");
  private static final MatchSettings SETTINGS = MatchSettings.DEFAULTS;

  private static Candidate.Builder person(String id, int band) {
    return MatcherTest.person(id, band);
  }

  private static List<String> pairs(MatchResult result) {
    return result.pairs().stream().map(p -> p.mentor().id() + "→" + p.mentee().id()).toList();
  }

  @Test
  @DisplayName("a waiting mentee is matched although another pair scores better")
  void waitingMenteeBeatsBetterScore() {
    // GIVEN one mentor, Ben who wants what Ana teaches, and Cleo who wants nothing she offers
    Candidate ana = person("ana", 0).offers("TikTok").build();
    Candidate ben = person("ben", 3).wants("TikTok").build();
    Candidate.Builder cleo = person("cleo", 3).wants("Budgeting");

    // WHEN nobody waits, Ben wins on score
    MatchResult plain = Matcher.match(List.of(ana), List.of(ben, cleo.build()), SETTINGS, NOW);
    assertThat(pairs(plain)).containsExactly("ana→ben");

    // AND WHEN Cleo waits since round one, she is matched instead, and the reason says why
    MatchResult result =
        Matcher.match(
            List.of(ana), List.of(ben, cleo.waitingSince(ROUND_ONE).build()), SETTINGS, NOW);
    assertThat(pairs(result)).containsExactly("ana→cleo");
    assertThat(result.pairs().get(0).reasons().get(0))
        .isEqualTo("Cleo waited since the round of 3 Feb");
    // the score shown is the pair's own, without the priority
    assertThat(result.totalScore()).isEqualTo(result.pairs().get(0).score());
    assertThat(result.totalScore()).isLessThan(plain.totalScore());
  }

  @Test
  @DisplayName("waiting never overrides a hard rule")
  void hardRulesStay() {
    // GIVEN Cleo waits, but Ana reports to her
    Candidate ana = person("ana", 0).offers("TikTok").managers("cleo").build();
    Candidate ben = person("ben", 3).build();
    Candidate cleo = person("cleo", 3).offers("TikTok").waitingSince(ROUND_ONE).build();

    MatchResult result = Matcher.match(List.of(ana), List.of(ben, cleo), SETTINGS, NOW);

    assertThat(pairs(result)).containsExactly("ana→ben");
    assertThat(result.unmatched()).extracting(u -> u.person().id()).containsExactly("cleo");
  }

  @Test
  @DisplayName("a waiting mentor with room for two counts once: another waiting mentor gets one")
  void waitingMentorCountsOnce() {
    // GIVEN two waiting mentors; Ana (capacity 2) fits both mentees far better than Dev does
    Candidate ana =
        person("ana", 0).offers("TikTok", "Figma").capacity(2).waitingSince(ROUND_ONE).build();
    Candidate dev = person("dev", 0).waitingSince(ROUND_ONE).build();
    Candidate ben = person("ben", 3).wants("TikTok").build();
    Candidate cleo = person("cleo", 3).wants("Figma").build();

    MatchResult result = Matcher.match(List.of(ana, dev), List.of(ben, cleo), SETTINGS, NOW);

    // THEN both waiting mentors get a mentee (Ana keeps the better of the two)
    assertThat(result.pairs()).hasSize(2);
    assertThat(result.pairs()).extracting(p -> p.mentor().id()).containsOnly("ana", "dev");
    assertThat(result.pairs()).extracting(p -> p.mentor().id()).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName(
      "random pools: most pairs, then most waiting people matched, then best score, as brute"
          + " force finds them")
  void randomAgainstBruteForce() {
    Random random = new Random(5);
    for (int round = 0; round < 300; round++) {
      List<Candidate> mentors = new ArrayList<>();
      List<Candidate> mentees = new ArrayList<>();
      int mentorCount = 1 + random.nextInt(3);
      int menteeCount = 1 + random.nextInt(5);
      for (int i = 0; i < mentorCount; i++) {
        mentors.add(random(random, "r" + i, random.nextInt(3), 1 + random.nextInt(2)));
      }
      for (int j = 0; j < menteeCount; j++) {
        mentees.add(random(random, "e" + j, 1 + random.nextInt(4), 1));
      }

      MatchResult result = Matcher.match(mentors, mentees, SETTINGS, NOW);

      long[] best = bruteForce(mentors, mentees);
      long[] got = measure(result);
      assertThat(got).as("round " + round + ": pairs, waiting matched, millis").isEqualTo(best);
    }
  }

  private static Candidate random(Random random, String id, int band, int capacity) {
    String[] skills = {"TikTok", "Figma", "SQL", "Budgeting"};
    Candidate.Builder b =
        Candidate.builder(id, id)
            .band(band)
            .offers(java.util.Set.of(skills[random.nextInt(2)], skills[2 + random.nextInt(2)]))
            .wants(java.util.Set.of(skills[random.nextInt(4)]))
            .capacity(capacity);
    if (random.nextInt(3) == 0) {
      b.waitingSince(ROUND_ONE);
    }
    if (random.nextInt(4) == 0) {
      b.generation(random.nextBoolean() ? "1995-2004" : "2015 or later");
    }
    return b.build();
  }

  /** Pairs, waiting people matched (each once), and total millipoints of a result. */
  private static long[] measure(MatchResult result) {
    java.util.Set<String> waiting = new java.util.HashSet<>();
    long millis = 0;
    for (MatchedPair p : result.pairs()) {
      if (p.mentor().waiting()) {
        waiting.add(p.mentor().id());
      }
      if (p.mentee().waiting()) {
        waiting.add(p.mentee().id());
      }
      millis += Math.round(p.score() * 1000);
    }
    return new long[] {result.pairs().size(), waiting.size(), millis};
  }

  /** The lexicographic best over every assignment of mentees to mentors (or to nobody). */
  private static long[] bruteForce(List<Candidate> mentors, List<Candidate> mentees) {
    long[][] score = new long[mentors.size()][mentees.size()];
    for (int i = 0; i < mentors.size(); i++) {
      for (int j = 0; j < mentees.size(); j++) {
        PairEvaluation e = Matcher.evaluate(mentors.get(i), mentees.get(j), SETTINGS, NOW);
        score[i][j] = e.allowed() ? Math.round(e.score() * 1000) : -1;
      }
    }
    int[] mentorOf = new int[mentees.size()];
    return search(0, mentorOf, mentors, mentees, score, new long[] {-1, -1, -1});
  }

  private static long[] search(
      int j,
      int[] mentorOf,
      List<Candidate> mentors,
      List<Candidate> mentees,
      long[][] score,
      long[] best) {
    if (j == mentees.size()) {
      long pairs = 0;
      long waiting = 0;
      long millis = 0;
      int[] load = new int[mentors.size()];
      for (int k = 0; k < mentorOf.length; k++) {
        int i = mentorOf[k];
        if (i < 0) {
          continue;
        }
        pairs++;
        millis += score[i][k];
        waiting += mentees.get(k).waiting() ? 1 : 0;
        if (load[i]++ == 0 && mentors.get(i).waiting()) {
          waiting++;
        }
      }
      long[] here = {pairs, waiting, millis};
      return java.util.Arrays.compare(here, best) > 0 ? here : best;
    }
    for (int i = -1; i < mentors.size(); i++) {
      if (i >= 0) {
        long taken = 0;
        for (int k = 0; k < j; k++) {
          taken += mentorOf[k] == i ? 1 : 0;
        }
        if (score[i][j] < 0 || taken >= mentors.get(i).capacity()) {
          continue;
        }
      }
      mentorOf[j] = i;
      best = search(j + 1, mentorOf, mentors, mentees, score, best);
    }
    return best;
  }
}
