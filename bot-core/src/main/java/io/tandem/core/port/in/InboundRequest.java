package io.tandem.core.port.in;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One request a person (or the platform) sent, as the adapter read it off the wire, before any
 * work: what the intake stores before the adapter acknowledges, and runs from the store after a
 * restart. Platform-neutral; nothing in it needs the original platform event again.
 *
 * @param deliveryKey what the platform repeats when it delivers the same request again, prefixed by
 *     the platform (Slack: {@code trigger_id}, or {@code event_id} for events; Discord: the
 *     interaction id); a second request with the same key has no effect
 * @param kind what to run
 * @param workspaceId the Slack team id or Discord guild id
 * @param userId who acted
 * @param userName how to address them, or {@code null}
 * @param timeZone their IANA zone when the platform sent it with the request, or {@code null}
 * @param admin whether they are an admin, when the adapter can tell from the request itself
 *     (Discord roles), or {@code null} when the adapter looks it up when it runs (Slack)
 * @param channelId where it happened, or {@code null}
 * @param name the command text, the button's action id or the form's id
 * @param value the button's value, or {@code null}
 * @param values a form's inputs by id (empty for everything else)
 * @param replyAddress where the answer goes (Slack {@code response_url}, Discord interaction
 *     token), or {@code null} when there is none
 * @param receivedAt when Tandem received it
 * @param mentions the people {@code name} (a command) or {@code value} (a button's) mentions in the
 *     platform's own syntax, recognised by the adapter: each token exactly as it stands in the
 *     text, with the user id it names. The text itself stays as typed; the core resolves a mention
 *     through this map and knows no platform's syntax. Empty when there are none.
 */
public record InboundRequest(
    Platform platform,
    String deliveryKey,
    Kind kind,
    String workspaceId,
    String userId,
    String userName,
    String timeZone,
    Boolean admin,
    String channelId,
    String name,
    String value,
    Map<String, String> values,
    String replyAddress,
    Instant receivedAt,
    Map<String, String> mentions) {

  /** What a request asks for, and so which use case runs it. */
  public enum Kind {
    /** {@code /tandem …}: {@link HandleCommandUseCase#handle}, answered. */
    COMMAND(true),
    /** A button: {@link HandleInteractionUseCase#clicked}, answered. */
    CLICK(true),
    /** A form submitted: {@link HandleInteractionUseCase#submitted}, answered. */
    FORM(true),
    /** A form dismissed: {@link HandleInteractionUseCase#formClosed}. */
    FORM_CLOSED(false),
    /** The home tab opened: {@link HandleInteractionUseCase#homeOpened}. */
    HOME_OPENED(false),
    /** An account deactivated or a member gone: {@link HandleMembershipUseCase#memberLeft}. */
    MEMBER_LEFT(false),
    /** An account back: {@link HandleMembershipUseCase#memberReturned}. */
    MEMBER_RETURNED(false);

    private final boolean answered;

    Kind(boolean answered) {
      this.answered = answered;
    }

    /** Whether the person gets an answer to it. */
    public boolean answered() {
      return answered;
    }
  }

  public InboundRequest {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (deliveryKey == null || deliveryKey.isBlank() || deliveryKey.length() > 200) {
      throw new IllegalArgumentException("deliveryKey must be 1 to 200 characters");
    }
    requireText(workspaceId, "workspaceId");
    requireText(userId, "userId");
    // in input order, as the person filled the form
    values =
        values == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    mentions = mentions == null ? Map.of() : Map.copyOf(mentions);
  }

  /** The person who acted, with what the adapter knows of them now. */
  public Actor actor(String resolvedTimeZone, boolean resolvedAdmin) {
    return actor(resolvedTimeZone, resolvedAdmin, null);
  }

  /** As {@link #actor(String, boolean)}, with the work email the platform gave, or null. */
  public Actor actor(String resolvedTimeZone, boolean resolvedAdmin, String email) {
    return new Actor(
        platform,
        workspaceId,
        userId,
        userName,
        timeZone != null ? timeZone : resolvedTimeZone,
        admin != null ? admin : resolvedAdmin,
        email);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
