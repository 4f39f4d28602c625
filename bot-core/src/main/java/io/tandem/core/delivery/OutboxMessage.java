package io.tandem.core.delivery;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * Something Tandem must say, written in the same transaction as the state change that calls for it.
 * The dedup key is unique, so queueing the same message twice is impossible.
 */
@Entity(name = "OutboxMessage")
@Table(name = "outbox_message")
public class OutboxMessage {

  /** Delivery state. Stored by name: never rename a constant. */
  public enum State {
    QUEUED,
    DELIVERED,
    DEAD
  }

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "outbox_ids")
  @TableGenerator(
      name = "outbox_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "outbox_message",
      allocationSize = 50)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "dedup_key", nullable = false, length = 200)
  private String dedupKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "platform", nullable = false, length = 16)
  private Platform platform;

  @Column(name = "recipient_user_id", nullable = false, length = 64)
  private String recipientUserId;

  /** Where to post; {@code null} means a direct message to the recipient. */
  @Column(name = "channel_id", length = 64)
  private String channelId;

  /** A JSON object the dispatcher renders. */
  @Column(name = "payload", nullable = false)
  private String payload;

  @Column(name = "not_before", nullable = false)
  private Instant notBefore;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private State state;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "last_error")
  private String lastError;

  @Version
  @Column(name = "version", nullable = false)
  private int version;

  protected OutboxMessage() {}

  public OutboxMessage(
      long workspaceId,
      String dedupKey,
      Platform platform,
      String recipientUserId,
      String channelId,
      String payload,
      Instant notBefore,
      Instant createdAt) {
    this.workspaceId = workspaceId;
    this.dedupKey = Objects.requireNonNull(dedupKey, "dedupKey");
    this.platform = Objects.requireNonNull(platform, "platform");
    this.recipientUserId = Objects.requireNonNull(recipientUserId, "recipientUserId");
    this.channelId = channelId;
    this.payload = Objects.requireNonNull(payload, "payload");
    this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
    this.state = State.QUEUED;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public void markDelivered(Instant at) {
    state = State.DELIVERED;
    attempts++;
    deliveredAt = at;
    lastError = null;
  }

  /** Records a failed attempt; the message is retried from {@code retryAt}. */
  public void markFailed(String error, Instant retryAt) {
    attempts++;
    lastError = error;
    notBefore = retryAt;
  }

  public void markDead(String error) {
    attempts++;
    state = State.DEAD;
    lastError = error;
  }

  public Long getId() {
    return id;
  }

  public Long getWorkspaceId() {
    return workspaceId;
  }

  public String getDedupKey() {
    return dedupKey;
  }

  public Platform getPlatform() {
    return platform;
  }

  public String getRecipientUserId() {
    return recipientUserId;
  }

  public String getChannelId() {
    return channelId;
  }

  public String getPayload() {
    return payload;
  }

  public Instant getNotBefore() {
    return notBefore;
  }

  public State getState() {
    return state;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  public String getLastError() {
    return lastError;
  }

  public int getVersion() {
    return version;
  }
}
