package io.tandem.simulator.slack;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The modals and Home tabs the app opened, pushed, updated or published, in order, so a person can
 * submit the newest one or click a button on it. Thread-safe.
 */
final class Views {
  /** A view the app opened or published, as the simulator stored it. */
  record StoredView(String id, String userId, JsonObject view, Instant time) {}

  /** A message or a view (exactly one is set) that holds an interactive element. */
  record ActionHolder(SlackMessage message, StoredView view) {}

  private final Clock clock;
  private final Ids ids;
  private final Map<String, StoredView> byId = new ConcurrentHashMap<>();
  private final List<StoredView> history = new CopyOnWriteArrayList<>();
  private final Map<String, String> homeViews = new ConcurrentHashMap<>();

  Views(Clock clock, Ids ids) {
    this.clock = clock;
    this.ids = ids;
  }

  void store(String viewId, String userId, JsonObject view) {
    StoredView stored = new StoredView(viewId, userId, view, clock.instant());
    byId.put(viewId, stored);
    history.add(stored);
  }

  /**
   * Slack shows the view an app answers a submission with ({@code response_action} {@code update}
   * or {@code push}) in place of, or on top of, the submitted one; so does the simulator.
   */
  void fromSubmissionAck(SimulatedUser user, Optional<StoredView> submitted, Ack ack) {
    JsonObject json = ack.json();
    if (json == null || !json.has("response_action") || !json.has("view")) {
      return;
    }
    String action = json.get("response_action").getAsString();
    if (!action.equals("update") && !action.equals("push")) {
      return;
    }
    String viewId =
        action.equals("update") && submitted.isPresent() ? submitted.get().id() : ids.next('V');
    JsonObject view = json.getAsJsonObject("view").deepCopy();
    view.addProperty("id", viewId);
    store(viewId, user.id(), view);
  }

  Optional<StoredView> byId(String viewId) {
    return Optional.ofNullable(byId.get(viewId));
  }

  /** The newest view with this callback id that the app opened, pushed or updated. */
  Optional<StoredView> latestWithCallback(String callbackId) {
    for (int i = history.size() - 1; i >= 0; i--) {
      StoredView view = history.get(i);
      if (callbackId.equals(BlockText.string(view.view(), "callback_id"))) {
        return Optional.of(view);
      }
    }
    return Optional.empty();
  }

  /** The Home tab the app last published for {@code user}, if any. */
  Optional<StoredView> home(SimulatedUser user) {
    String id = homeViews.get(user.id());
    return id == null ? Optional.empty() : byId(id);
  }

  /** The id of {@code user}'s Home tab: the same one every time it is published. */
  String homeViewId(SimulatedUser user) {
    return homeViews.computeIfAbsent(user.id(), id -> ids.next('V'));
  }

  /** The newest of these messages, or of the views, that holds an element with {@code actionId}. */
  Optional<ActionHolder> latestHolderOf(String actionId, List<SlackMessage> posted) {
    SlackMessage message = null;
    for (int i = posted.size() - 1; i >= 0 && message == null; i--) {
      if (BlockSearch.find(posted.get(i).blocks(), actionId).isPresent()) {
        message = posted.get(i);
      }
    }
    StoredView view = null;
    for (int i = history.size() - 1; i >= 0 && view == null; i--) {
      if (BlockSearch.find(history.get(i).view().get("blocks"), actionId).isPresent()) {
        view = history.get(i);
      }
    }
    if (message == null && view == null) {
      return Optional.empty();
    }
    if (message == null || (view != null && view.time().isAfter(message.time()))) {
      return Optional.of(new ActionHolder(null, view));
    }
    return Optional.of(new ActionHolder(message, null));
  }
}
