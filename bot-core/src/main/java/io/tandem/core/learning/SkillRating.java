package io.tandem.core.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.util.Objects;

/**
 * A self-rating (1–5) of a skill a participant wanted to learn, given on {@code goal review}. The
 * enrolment rating stays in {@code participant.wants_to_learn}; the change is the difference.
 */
@Entity(name = "SkillRating")
@Table(name = "skill_rating")
public class SkillRating {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "skill_rating_ids")
  @TableGenerator(
      name = "skill_rating_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "skill_rating",
      allocationSize = 50)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "participant_id", nullable = false)
  private Long participantId;

  @Column(name = "skill", nullable = false, length = 100)
  private String skill;

  @Column(name = "level", nullable = false)
  private int level;

  @Column(name = "rated_at", nullable = false)
  private Instant ratedAt;

  protected SkillRating() {}

  public SkillRating(
      long workspaceId, long participantId, String skill, int level, Instant ratedAt) {
    this.workspaceId = workspaceId;
    this.participantId = participantId;
    this.skill = Objects.requireNonNull(skill, "skill");
    this.level = level;
    this.ratedAt = Objects.requireNonNull(ratedAt, "ratedAt");
  }

  public Long getParticipantId() {
    return participantId;
  }

  public String getSkill() {
    return skill;
  }

  public int getLevel() {
    return level;
  }

  public Instant getRatedAt() {
    return ratedAt;
  }
}
