package io.tandem.simulator.discord;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What became of one interaction the simulator dispatched: its callback, the messages the person
 * saw (the response, edits of it, follow-ups) and any modal. Filled by the REST server's threads;
 * the {@code await…} methods block the test thread until the bot has answered.
 */
public final class InteractionResult {
  private final String id;
  private final String token;
  private final String channelId;
  private final DiscordUser user;
  private final long dispatchedNanos;
  private final CompletableFuture<InteractionCallback> callback = new CompletableFuture<>();
  private final CompletableFuture<DiscordModal> modal = new CompletableFuture<>();
  private final Journal<DiscordMessage> messages = new Journal<>();
  private volatile String originalMessageId;
  private volatile boolean originalPending;
  private volatile int deferredFlags;

  InteractionResult(
      String id, String token, String channelId, DiscordUser user, long dispatchedNanos) {
    this.id = id;
    this.token = token;
    this.channelId = channelId;
    this.user = user;
    this.dispatchedNanos = dispatchedNanos;
  }

  public String id() {
    return id;
  }

  public String token() {
    return token;
  }

  public String channelId() {
    return channelId;
  }

  public DiscordUser user() {
    return user;
  }

  /** Waits for the initial response (ack, deferral, message, update or modal). */
  public InteractionCallback awaitCallback(Duration timeout) {
    return await(callback, timeout, "the interaction callback of " + id);
  }

  /** The initial response if it has arrived. */
  public java.util.Optional<InteractionCallback> callback() {
    return java.util.Optional.ofNullable(callback.getNow(null));
  }

  /**
   * Waits for the first message the person sees: the callback's message (type 4 or 7) or, after a
   * deferral, the first follow-up or edit of the original response.
   */
  public DiscordMessage awaitReply(Duration timeout) {
    return awaitMessages(1, timeout).get(0);
  }

  /** Waits until {@code count} messages have been shown for this interaction. */
  public List<DiscordMessage> awaitMessages(int count, Duration timeout) {
    return messages.await(m -> true, count, timeout, "messages for interaction " + id);
  }

  public List<DiscordMessage> messages() {
    return messages.snapshot();
  }

  /** Waits for a modal (callback type 9). */
  public DiscordModal awaitModal(Duration timeout) {
    return await(modal, timeout, "a modal for interaction " + id);
  }

  private static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("Timed out after " + timeout + " waiting for " + what, e);
    } catch (ExecutionException e) {
      throw new AssertionError("Failed waiting for " + what, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted waiting for " + what, e);
    }
  }

  // --- called by the simulator -------------------------------------------------------------

  /** Records the callback; returns false when the interaction was already acknowledged. */
  synchronized boolean acknowledge(InteractionCallback received) {
    if (callback.isDone()) {
      return false;
    }
    if (received.type() == InteractionCallback.DEFERRED_CHANNEL_MESSAGE) {
      originalPending = true;
      deferredFlags = Json.integer(received.data(), "flags", 0);
    }
    callback.complete(received);
    return true;
  }

  boolean acknowledged() {
    return callback.isDone();
  }

  long dispatchedNanos() {
    return dispatchedNanos;
  }

  void openModal(DiscordModal opened) {
    modal.complete(opened);
  }

  void show(DiscordMessage message) {
    HeldUntilRecorded.publish(() -> messages.append(message));
  }

  String originalMessageId() {
    return originalMessageId;
  }

  void originalMessageId(String messageId) {
    this.originalMessageId = messageId;
  }

  /** Whether a deferred response still shows "thinking", i.e. the next message replaces it. */
  synchronized boolean takePendingOriginal() {
    boolean pending = originalPending;
    originalPending = false;
    return pending;
  }

  int deferredFlags() {
    return deferredFlags;
  }
}
