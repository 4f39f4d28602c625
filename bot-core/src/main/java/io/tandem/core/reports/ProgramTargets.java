package io.tandem.core.reports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A program's targets ({@code program_target}), set by its admins with {@code program targets}:
 * each a whole percentage, {@code null} when not set. {@link Targets} reads the report against
 * them.
 */
@Entity(name = "ProgramTargets")
@Table(name = "program_target")
public class ProgramTargets {

  @Id
  @Column(name = "program_id", nullable = false)
  private Long programId;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "meet_monthly")
  private Integer meetMonthly;

  @Column(name = "goals_done")
  private Integer goalsDone;

  @Column(name = "retention")
  private Integer retention;

  @Column(name = "set_at", nullable = false)
  private Instant setAt;

  protected ProgramTargets() {}

  public ProgramTargets(long workspaceId, long programId, Instant setAt) {
    this.workspaceId = workspaceId;
    this.programId = programId;
    this.setAt = Objects.requireNonNull(setAt, "setAt");
  }

  /** The target of {@code measure}, or {@code null} when none is set. */
  public Integer get(Targets.Measure measure) {
    return switch (measure) {
      case MEET_MONTHLY -> meetMonthly;
      case GOALS_DONE -> goalsDone;
      case RETENTION -> retention;
    };
  }

  /** Sets ({@code percent}) or removes ({@code null}) the target of {@code measure}. */
  public void set(Targets.Measure measure, Integer percent, Instant at) {
    switch (measure) {
      case MEET_MONTHLY -> meetMonthly = percent;
      case GOALS_DONE -> goalsDone = percent;
      case RETENTION -> retention = percent;
    }
    setAt = Objects.requireNonNull(at, "at");
  }

  public long programId() {
    return programId;
  }
}
