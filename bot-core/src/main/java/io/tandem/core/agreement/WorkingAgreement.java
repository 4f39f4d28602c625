package io.tandem.core.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A pair's working agreement: whether both have answered, whether they agreed, and on what. One row
 * per pair, made when the pair is introduced; each person's answer is an {@link AgreementAnswer}.
 */
@Entity(name = "WorkingAgreement")
@Table(name = "working_agreement")
public class WorkingAgreement {

  /** Where the agreement stands. */
  public enum Status {
    /** Not both have answered yet. */
    ASKING,
    /** Both answered differently; waiting for them to settle it. */
    DIFFERENT,
    /** Both answered the same. */
    AGREED,
    /** They answered differently and then settled on the same. */
    SETTLED
  }

  @Id
  @Column(name = "pair_id")
  private Long pairId;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "program_id", nullable = false)
  private Long programId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private Status status;

  @Column(name = "meet", length = 16)
  private String meet;

  @Column(name = "every_days")
  private Integer everyDays;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "reached_at")
  private Instant reachedAt;

  @Column(name = "flagged_at")
  private Instant flaggedAt;

  @Column(name = "review_asked_at")
  private Instant reviewAskedAt;

  @Column(name = "version", nullable = false)
  private int version;

  protected WorkingAgreement() {}

  public WorkingAgreement(long pairId, long workspaceId, long programId, Instant openedAt) {
    this.pairId = pairId;
    this.workspaceId = workspaceId;
    this.programId = programId;
    this.status = Status.ASKING;
    this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
  }

  /** Both answered the same, or settled on the same: the pair's agreement from now. */
  void reach(Terms terms, boolean settled, Instant at) {
    status = settled ? Status.SETTLED : Status.AGREED;
    meet = terms.meet();
    everyDays = terms.everyDays();
    reachedAt = at;
    version++;
  }

  /** Both answered, differently. */
  void differ() {
    status = Status.DIFFERENT;
    version++;
  }

  /** One of them picked a side while it differs. */
  void changed() {
    version++;
  }

  /** Asks both again: no agreement, and a fresh week before admins hear of it. */
  void reopen(Instant at) {
    status = Status.ASKING;
    meet = null;
    everyDays = null;
    reachedAt = null;
    flaggedAt = null;
    openedAt = at;
    version++;
  }

  void flagged(Instant at) {
    flaggedAt = at;
  }

  void reviewAsked(Instant at) {
    reviewAskedAt = at;
  }

  /** The agreed terms, once reached. */
  public Optional<Terms> terms() {
    return reachedAt == null ? Optional.empty() : Optional.of(new Terms(meet, everyDays));
  }

  public Long getPairId() {
    return pairId;
  }

  public Long getWorkspaceId() {
    return workspaceId;
  }

  public Long getProgramId() {
    return programId;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getReachedAt() {
    return reachedAt;
  }

  public Instant getFlaggedAt() {
    return flaggedAt;
  }

  public Instant getReviewAskedAt() {
    return reviewAskedAt;
  }

  public int getVersion() {
    return version;
  }
}
