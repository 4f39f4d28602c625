package io.tandem.core.enrolment;

import io.tandem.core.port.in.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.util.Objects;

/** A Slack team or Discord guild that uses Tandem. Unique by platform and external id. */
@Entity(name = "Workspace")
@Table(name = "workspace")
public class Workspace {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "workspace_ids")
  @TableGenerator(
      name = "workspace_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "workspace",
      allocationSize = 50)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "platform", nullable = false, length = 16)
  private Platform platform;

  @Column(name = "external_id", nullable = false, length = 64)
  private String externalId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Workspace() {}

  public Workspace(Platform platform, String externalId, Instant createdAt) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.externalId = Objects.requireNonNull(externalId, "externalId");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public Long getId() {
    return id;
  }

  public Platform getPlatform() {
    return platform;
  }

  public String getExternalId() {
    return externalId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
