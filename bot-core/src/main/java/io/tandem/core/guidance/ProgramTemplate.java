package io.tandem.core.guidance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A program's own version of one guidance template ({@code guidance_template}); without one the
 * program uses Tandem's default ({@link GuideDefaults}).
 */
@Entity(name = "ProgramTemplate")
@Table(name = "guidance_template")
@IdClass(ProgramTemplate.Key.class)
public class ProgramTemplate {

  @Id
  @Column(name = "program_id", nullable = false)
  private Long programId;

  @Id
  @Column(name = "name", nullable = false, length = 40)
  private String name;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "text", nullable = false)
  private String text;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ProgramTemplate() {}

  public ProgramTemplate(
      long workspaceId, long programId, String name, String text, String by, Instant at) {
    this.workspaceId = workspaceId;
    this.programId = programId;
    this.name = Objects.requireNonNull(name, "name");
    change(text, by, at);
  }

  /** Replaces the text; {@code by} is the admin's platform user id. */
  public void change(String newText, String by, Instant at) {
    this.text = Objects.requireNonNull(newText, "text");
    this.updatedBy = Objects.requireNonNull(by, "by");
    this.updatedAt = Objects.requireNonNull(at, "at");
  }

  public long programId() {
    return programId;
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  public String updatedBy() {
    return updatedBy;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The primary key: program and template name. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long programId;
    private String name;

    public Key() {}

    public Key(long programId, String name) {
      this.programId = programId;
      this.name = name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(programId, k.programId)
          && Objects.equals(name, k.name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(programId, name);
    }
  }
}
