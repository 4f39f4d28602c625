package io.tandem.core.surveys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A template sent to a program on a cron schedule ({@code survey_schedule}). Schedule numbers are
 * shown to admins, so ids are drawn one at a time from {@code id_gen}, like runs'.
 */
@Entity(name = "SurveySchedule")
@Table(name = "survey_schedule")
public class SurveySchedule {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "survey_schedule_ids")
  @TableGenerator(
      name = "survey_schedule_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "survey_schedule",
      allocationSize = 1)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "program_id", nullable = false)
  private Long programId;

  @Column(name = "template_id", nullable = false, length = 40)
  private String templateId;

  @Column(name = "spec", nullable = false, length = 200)
  private String spec;

  @Column(name = "cron", nullable = false, length = 120)
  private String cron;

  @Column(name = "zone", nullable = false, length = 60)
  private String zone;

  @Column(name = "next_at", nullable = false)
  private Instant nextAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  protected SurveySchedule() {}

  public SurveySchedule(
      long workspaceId,
      long programId,
      String templateId,
      String spec,
      String cron,
      ZoneId zone,
      Instant nextAt,
      Instant createdAt) {
    this.workspaceId = workspaceId;
    this.programId = programId;
    this.templateId = Objects.requireNonNull(templateId, "templateId");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.cron = Objects.requireNonNull(cron, "cron");
    this.zone = zone.getId();
    this.nextAt = Objects.requireNonNull(nextAt, "nextAt");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public long id() {
    return id;
  }

  public long workspaceId() {
    return workspaceId;
  }

  public long programId() {
    return programId;
  }

  public String templateId() {
    return templateId;
  }

  public String spec() {
    return spec;
  }

  public String cron() {
    return cron;
  }

  public ZoneId zone() {
    return ZoneId.of(zone);
  }

  public Instant nextAt() {
    return nextAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant cancelledAt() {
    return cancelledAt;
  }

  void next(Instant at) {
    this.nextAt = at;
  }

  void cancel(Instant at) {
    this.cancelledAt = at;
  }
}
