package io.tandem.core.matching.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The generation mix never silently scores 0")
class GenerationMixTest {

  private static final MatchSettings SETTINGS = MatchSettings.DEFAULTS; // generation weight 5

  private static PairEvaluation pair(String mentorStart, String menteeStart) {
    Candidate ana = MatcherTest.person("ana", 0).generation(mentorStart).build();
    Candidate ben = MatcherTest.person("ben", 3).generation(menteeStart).build();
    return Matcher.evaluate(ana, ben, SETTINGS, MatcherTest.NOW);
  }

  @Test
  @DisplayName("different bands score the full weight, the same band nothing, unknown half")
  void values() {
    assertThat(pair("2015 or later", "before 1995").contributions())
        .containsEntry(ScoreComponent.CROSS_GENERATION, 5.0);
    assertThat(pair("1995-2004", "1995-2004").contributions())
        .containsEntry(ScoreComponent.CROSS_GENERATION, 0.0);
    assertThat(pair("", "1995-2004").contributions())
        .containsEntry(ScoreComponent.CROSS_GENERATION, 2.5);
    assertThat(pair("", "").contributions()).containsEntry(ScoreComponent.CROSS_GENERATION, 2.5);
  }

  @Test
  @DisplayName("the reasons say when a career start is unknown, and never name anyone's band")
  void reasons() {
    assertThat(pair("", "1995-2004").reasons())
        .contains("career start unknown for Ana, so the generation mix counts as neutral")
        .noneMatch(r -> r.contains("1995"));
    assertThat(pair("2015 or later", "before 1995").reasons())
        .contains("they bring different generations together")
        .noneMatch(r -> r.contains("2015") || r.contains("1995"));
    assertThat(pair("1995-2004", "1995-2004").reasons()).noneMatch(r -> r.contains("generation"));
  }

  @Test
  @DisplayName("a program that does not want the mix gets no note about unknown career starts")
  void notWanted() {
    Candidate ana = MatcherTest.person("ana", 0).build();
    Candidate ben = MatcherTest.person("ben", 3).build();
    PairEvaluation e =
        Matcher.evaluate(ana, ben, SETTINGS.withMixWanted(true, false), MatcherTest.NOW);
    assertThat(e.contributions()).containsEntry(ScoreComponent.CROSS_GENERATION, 0.0);
    assertThat(e.reasons()).noneMatch(r -> r.contains("career start"));
  }
}
