package io.tandem.core.surveys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * One free-text answer of a run ({@code survey_text}): no member, no time. Its id is random on
 * purpose and not drawn from {@code id_gen}: a counter would tell the order in which texts were
 * written, which is what this table must not keep. Nothing refers to these ids.
 */
@Entity(name = "SurveyText")
@Table(name = "survey_text")
public class SurveyText {

  @Id
  @Column(name = "id", nullable = false)
  private Long id;

  @Column(name = "run_id", nullable = false)
  private Long runId;

  @Column(name = "question", nullable = false)
  private int question;

  @Column(name = "text", nullable = false)
  private String text;

  protected SurveyText() {}

  /**
   * @param id a random, non-negative id (see the class comment)
   */
  public SurveyText(long id, long runId, int question, String text) {
    this.id = id;
    this.runId = runId;
    this.question = question;
    this.text = Objects.requireNonNull(text, "text");
  }

  public long id() {
    return id;
  }

  public long runId() {
    return runId;
  }

  public int question() {
    return question;
  }

  public String text() {
    return text;
  }
}
