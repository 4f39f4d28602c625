package io.tandem.core.surveys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * Who a run was sent to, and on which DAY they answered ({@code survey_invitee}); never what they
 * answered, and no time of day.
 */
@Entity(name = "SurveyInvitee")
@Table(name = "survey_invitee")
@IdClass(SurveyInvitee.Key.class)
public class SurveyInvitee {

  @Id
  @Column(name = "run_id", nullable = false)
  private Long runId;

  @Id
  @Column(name = "member_id", nullable = false)
  private Long memberId;

  /** {@code yyyy-MM-dd} in UTC, or null while unanswered. */
  @Column(name = "answered_on", length = 10)
  private String answeredOn;

  protected SurveyInvitee() {}

  public SurveyInvitee(long runId, long memberId) {
    this.runId = runId;
    this.memberId = memberId;
  }

  public long runId() {
    return runId;
  }

  public long memberId() {
    return memberId;
  }

  public String answeredOn() {
    return answeredOn;
  }

  /** The primary key: run and member. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long runId;
    private Long memberId;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(runId, k.runId)
          && Objects.equals(memberId, k.memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(runId, memberId);
    }
  }
}
