package io.tandem.core.checkins;

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
 * One person's side of a session: what they covered, taught and learned, how useful it was, and a
 * note to self that nobody else ever sees (not the partner, not signals, not reports).
 */
@Entity(name = "SessionNote")
@Table(name = "session_note")
public class SessionNote {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "session_note_ids")
  @TableGenerator(
      name = "session_note_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "session_note",
      allocationSize = 50)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "session_id", nullable = false)
  private Long sessionId;

  @Column(name = "participant_id", nullable = false)
  private Long participantId;

  @Column(name = "minutes", nullable = false)
  private int minutes;

  @Column(name = "topic", nullable = false, length = 200)
  private String topic;

  @Column(name = "taught", nullable = false)
  private String taught;

  @Column(name = "learned", nullable = false)
  private String learned;

  @Column(name = "usefulness")
  private Integer usefulness;

  @Column(name = "private_note", nullable = false)
  private String privateNote;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SessionNote() {}

  public SessionNote(long workspaceId, long sessionId, long participantId, Instant createdAt) {
    this.workspaceId = workspaceId;
    this.sessionId = sessionId;
    this.participantId = participantId;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = createdAt;
    this.topic = "";
    this.taught = "";
    this.learned = "";
    this.privateNote = "";
  }

  /** Sets what the person wrote; blank texts are stored as empty. */
  public void write(
      int minutes,
      String topic,
      String taught,
      String learned,
      Integer usefulness,
      String privateNote,
      Instant at) {
    this.minutes = minutes;
    this.topic = orEmpty(topic);
    this.taught = orEmpty(taught);
    this.learned = orEmpty(learned);
    this.usefulness = usefulness;
    this.privateNote = orEmpty(privateNote);
    this.updatedAt = Objects.requireNonNull(at, "at");
  }

  public void moveTo(long newSessionId) {
    this.sessionId = newSessionId;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text.strip();
  }

  public Long getId() {
    return id;
  }

  public Long getWorkspaceId() {
    return workspaceId;
  }

  public Long getSessionId() {
    return sessionId;
  }

  public Long getParticipantId() {
    return participantId;
  }

  public int getMinutes() {
    return minutes;
  }

  public String getTopic() {
    return topic;
  }

  public String getTaught() {
    return taught;
  }

  public String getLearned() {
    return learned;
  }

  public Integer getUsefulness() {
    return usefulness;
  }

  public String getPrivateNote() {
    return privateNote;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
