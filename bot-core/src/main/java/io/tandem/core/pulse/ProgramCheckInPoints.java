package io.tandem.core.pulse;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * The check-in points an admin set for one program ({@code program_checkin_points}); a program
 * without a row has {@link CheckInPoints#DEFAULT}.
 */
@Entity(name = "ProgramCheckInPoints")
@Table(name = "program_checkin_points")
public class ProgramCheckInPoints {

  @Id
  @Column(name = "program_id", nullable = false)
  private Long programId;

  /** e.g. {@code 30,60,90}; empty when check-ins are off. */
  @Column(name = "days", nullable = false, length = 64)
  private String days;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected ProgramCheckInPoints() {}

  ProgramCheckInPoints(long programId, CheckInPoints points, Instant changedAt) {
    this.programId = programId;
    set(points, changedAt);
  }

  CheckInPoints points() {
    return CheckInPoints.stored(days);
  }

  void set(CheckInPoints points, Instant now) {
    this.days = points.stored();
    this.changedAt = Objects.requireNonNull(now, "now");
  }
}
