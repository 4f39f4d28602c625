package io.tandem.core.matching.model;

/**
 * A program's matching settings: the weight of each score component, and the hard rules' knobs.
 *
 * <p>The score of an allowed pair is {@code Σ weight × component}, each component between 0 and 1
 * (see {@link ScoreComponent}); with the default weights, which add up to 100, a perfect pair
 * scores 100.
 *
 * @param teachWeight what the mentor can teach that the mentee wants to learn
 * @param learnBackWeight what the mentee can teach that the mentor wants to learn (two-way)
 * @param communicationWeight communication preference compatibility
 * @param availabilityWeight shared weekly hours, across time zones
 * @param crossDepartmentWeight bonus for different departments, when {@code crossDepartmentWanted}
 * @param crossGenerationWeight bonus for different generations, when {@code crossGenerationWanted}
 * @param minimumSeniorityGap a mentor's band must be at most the mentee's band minus this
 * @param repeatCooldownDays past partners paired within this many days are not paired again
 * @param crossDepartmentWanted whether the program rewards mixing departments
 * @param crossGenerationWanted whether the program rewards mixing generations
 */
public record MatchSettings(
    double teachWeight,
    double learnBackWeight,
    double communicationWeight,
    double availabilityWeight,
    double crossDepartmentWeight,
    double crossGenerationWeight,
    int minimumSeniorityGap,
    int repeatCooldownDays,
    boolean crossDepartmentWanted,
    boolean crossGenerationWanted) {

  /** 40 / 20 / 10 / 15 / 10 / 5, gap 1, cooldown 180 days, both mixes wanted. */
  public static final MatchSettings DEFAULTS =
      new MatchSettings(40, 20, 10, 15, 10, 5, 1, 180, true, true);

  public MatchSettings {
    double[] weights = {
      teachWeight,
      learnBackWeight,
      communicationWeight,
      availabilityWeight,
      crossDepartmentWeight,
      crossGenerationWeight
    };
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w) || w > 1_000_000) {
        throw new IllegalArgumentException(
            "a matching weight must be between 0 and 1000000, was " + w);
      }
    }
    if (minimumSeniorityGap < 0) {
      throw new IllegalArgumentException("the minimum seniority gap must be 0 or more");
    }
    if (repeatCooldownDays < 0) {
      throw new IllegalArgumentException("the repeat cooldown must be 0 days or more");
    }
  }

  /** The weight of a component as it counts: 0 for a mix bonus the program does not want. */
  public double weight(ScoreComponent component) {
    return switch (component) {
      case TEACHES_WANTED -> teachWeight;
      case LEARNS_BACK -> learnBackWeight;
      case COMMUNICATION -> communicationWeight;
      case AVAILABILITY -> availabilityWeight;
      case CROSS_DEPARTMENT -> crossDepartmentWanted ? crossDepartmentWeight : 0;
      case CROSS_GENERATION -> crossGenerationWanted ? crossGenerationWeight : 0;
    };
  }

  public MatchSettings withMinimumSeniorityGap(int gap) {
    return new MatchSettings(
        teachWeight,
        learnBackWeight,
        communicationWeight,
        availabilityWeight,
        crossDepartmentWeight,
        crossGenerationWeight,
        gap,
        repeatCooldownDays,
        crossDepartmentWanted,
        crossGenerationWanted);
  }

  public MatchSettings withRepeatCooldownDays(int days) {
    return new MatchSettings(
        teachWeight,
        learnBackWeight,
        communicationWeight,
        availabilityWeight,
        crossDepartmentWeight,
        crossGenerationWeight,
        minimumSeniorityGap,
        days,
        crossDepartmentWanted,
        crossGenerationWanted);
  }

  public MatchSettings withMixWanted(boolean crossDepartment, boolean crossGeneration) {
    return new MatchSettings(
        teachWeight,
        learnBackWeight,
        communicationWeight,
        availabilityWeight,
        crossDepartmentWeight,
        crossGenerationWeight,
        minimumSeniorityGap,
        repeatCooldownDays,
        crossDepartment,
        crossGeneration);
  }
}
