package io.tandem.core.surveys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One person's answer to one question of a named run ({@code survey_named_answer}). */
@Entity(name = "SurveyNamedAnswer")
@Table(name = "survey_named_answer")
@IdClass(SurveyNamedAnswer.Key.class)
public class SurveyNamedAnswer {

  @Id
  @Column(name = "run_id", nullable = false)
  private Long runId;

  @Id
  @Column(name = "member_id", nullable = false)
  private Long memberId;

  @Id
  @Column(name = "question", nullable = false)
  private Integer question;

  @Column(name = "answer")
  private Integer answer;

  @Column(name = "text")
  private String text;

  protected SurveyNamedAnswer() {}

  /** Either {@code answer} (scale, choice) or {@code text} (free text) is set. */
  public SurveyNamedAnswer(long runId, long memberId, int question, Integer answer, String text) {
    this.runId = runId;
    this.memberId = memberId;
    this.question = question;
    this.answer = answer;
    this.text = text;
  }

  public long runId() {
    return runId;
  }

  public long memberId() {
    return memberId;
  }

  public int question() {
    return question;
  }

  public Integer answer() {
    return answer;
  }

  public String text() {
    return text;
  }

  /** The primary key: run, member, question. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long runId;
    private Long memberId;
    private Integer question;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(runId, k.runId)
          && Objects.equals(memberId, k.memberId)
          && Objects.equals(question, k.question);
    }

    @Override
    public int hashCode() {
      return Objects.hash(runId, memberId, question);
    }
  }
}
