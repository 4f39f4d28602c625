package io.tandem.core.pulse;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One person's check-in at one point of their pair ({@code pair_checkin}): written when the
 * question is queued, filled in as they answer. Each click sets its own part, so a repeated click
 * stores nothing new and a different one replaces that part only.
 */
@Entity(name = "PairCheckIn")
@Table(name = "pair_checkin")
@IdClass(PairCheckIn.Key.class)
public class PairCheckIn {

  /** "Is your partner learning from you?" */
  public enum Learning {
    YES,
    PARTLY,
    NO
  }

  /** Asked after a low answer whether to tell the admins; {@code DECLINED} when they said no. */
  enum Consent {
    ASKED,
    DECLINED
  }

  @Id
  @Column(name = "pair_id", nullable = false)
  private Long pairId;

  @Id
  @Column(name = "participant_id", nullable = false)
  private Long participantId;

  @Id
  @Column(name = "point_days", nullable = false)
  private Integer pointDays;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "program_id", nullable = false)
  private Long programId;

  @Column(name = "asked_at", nullable = false)
  private Instant askedAt;

  @Column(name = "rating")
  private Integer rating;

  @Column(name = "learning", length = 8)
  private String learning;

  @Column(name = "note")
  private String note;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "consent", length = 8)
  private String consent;

  protected PairCheckIn() {}

  PairCheckIn(
      long workspaceId,
      long programId,
      long pairId,
      long participantId,
      int pointDays,
      Instant askedAt) {
    this.workspaceId = workspaceId;
    this.programId = programId;
    this.pairId = pairId;
    this.participantId = participantId;
    this.pointDays = pointDays;
    this.askedAt = Objects.requireNonNull(askedAt, "askedAt");
  }

  public long pairId() {
    return pairId;
  }

  public long participantId() {
    return participantId;
  }

  public int pointDays() {
    return pointDays;
  }

  public long programId() {
    return programId;
  }

  public Integer rating() {
    return rating;
  }

  public Learning learning() {
    return learning == null ? null : Learning.valueOf(learning);
  }

  public String note() {
    return note;
  }

  public boolean answered() {
    return answeredAt != null;
  }

  /** Whether the answers so far are low: a rating of 1 or 2, or a partner not learning. */
  public boolean low() {
    return (rating != null && rating <= CheckInPoints.LOW_RATING) || "NO".equals(learning);
  }

  boolean consentAsked() {
    return consent != null;
  }

  /** Sets the rating; returns whether it changed. */
  boolean rate(int value, Instant now) {
    if (Objects.equals(rating, value)) {
      return false;
    }
    rating = value;
    answeredAt = now;
    return true;
  }

  /** Sets the learning answer; returns whether it changed. */
  boolean learning(Learning value, Instant now) {
    if (value.name().equals(learning)) {
      return false;
    }
    learning = value.name();
    answeredAt = now;
    return true;
  }

  /** Sets or clears the note; returns whether it changed. */
  boolean note(String text, Instant now) {
    if (Objects.equals(note, text)) {
      return false;
    }
    note = text;
    answeredAt = now;
    return true;
  }

  void consent(Consent value) {
    consent = value.name();
  }

  /** The primary key: pair, participant and point. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long pairId;
    private Long participantId;
    private Integer pointDays;

    public Key() {}

    public Key(long pairId, long participantId, int pointDays) {
      this.pairId = pairId;
      this.participantId = participantId;
      this.pointDays = pointDays;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(pairId, k.pairId)
          && Objects.equals(participantId, k.participantId)
          && Objects.equals(pointDays, k.pointDays);
    }

    @Override
    public int hashCode() {
      return Objects.hash(pairId, participantId, pointDays);
    }
  }
}
