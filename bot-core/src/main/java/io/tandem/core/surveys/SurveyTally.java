package io.tandem.core.surveys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * How many gave one answer to one question of a run ({@code survey_tally}): no member, no time. All
 * of a run's counts are created when it is sent, in answer order, so the table's order never shows
 * which answer came first.
 */
@Entity(name = "SurveyTally")
@Table(name = "survey_tally")
@IdClass(SurveyTally.Key.class)
public class SurveyTally {

  @Id
  @Column(name = "run_id", nullable = false)
  private Long runId;

  @Id
  @Column(name = "question", nullable = false)
  private Integer question;

  @Id
  @Column(name = "answer", nullable = false)
  private Integer answer;

  @Column(name = "responses", nullable = false)
  private int responses;

  protected SurveyTally() {}

  public SurveyTally(long runId, int question, int answer, int responses) {
    this.runId = runId;
    this.question = question;
    this.answer = answer;
    this.responses = responses;
  }

  public long runId() {
    return runId;
  }

  public int question() {
    return question;
  }

  public int answer() {
    return answer;
  }

  public int responses() {
    return responses;
  }

  /** The primary key: run, question, answer. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long runId;
    private Integer question;
    private Integer answer;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(runId, k.runId)
          && Objects.equals(question, k.question)
          && Objects.equals(answer, k.answer);
    }

    @Override
    public int hashCode() {
      return Objects.hash(runId, question, answer);
    }
  }
}
