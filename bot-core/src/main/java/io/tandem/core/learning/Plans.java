package io.tandem.core.learning;

import io.tandem.core.learning.persistence.JpaPlans;
import io.tandem.core.store.Store;
import java.util.List;
import java.util.Optional;

/** A pair's learning plan (goals and tasks) and people's skill ratings, over one transaction. */
public interface Plans {

  static Plans in(Store store) {
    return new JpaPlans(store);
  }

  /** A pair's goals, by number. */
  List<Goal> goals(long pairId);

  Optional<Goal> goal(long id);

  int nextGoalNumber(long pairId);

  /** A pair's tasks, by number. */
  List<GoalTask> tasks(long pairId);

  int nextTaskNumber(long pairId);

  /** A participant's review ratings, oldest first (the newest per skill is the current one). */
  List<SkillRating> ratings(long participantId);
}
