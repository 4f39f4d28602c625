package io.tandem.simulator.slack;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A person doing things in Slack that the app receives: slash commands, button clicks, modal
 * submissions, opening the app home, direct messages. Obtained from {@link SlackClient#user}.
 *
 * <p>Each method sends synchronously on the caller's thread and returns once the app has acked.
 * Immutable; safe to share between threads.
 */
public final class ActingUser {
  private final SlackClient client;
  private final SlackSimulator sim;
  private final SimulatedUser user;
  private final Payloads.ChannelRef channel;

  ActingUser(
      SlackClient client,
      SlackSimulator simulator,
      SimulatedUser user,
      Payloads.ChannelRef channel) {
    this.client = client;
    this.sim = simulator;
    this.user = user;
    this.channel = channel;
  }

  /** The simulated user behind this person (id, tz, admin flag). */
  public SimulatedUser user() {
    return user;
  }

  /** The same person acting in another channel; by default they act in their DM with the app. */
  public ActingUser in(String channelId, String channelName) {
    return new ActingUser(client, sim, user, new Payloads.ChannelRef(channelId, channelName));
  }

  /**
   * Runs a slash command, e.g. {@code runs("/tandem log 45m Instagram reels")}: the first word is
   * the command, the rest its text exactly as Slack sends it to a command that escapes users,
   * channels and links ({@code should_escape}, as {@code slack-app-manifest.yml} sets it): write a
   * mention as Slack does, {@code <@U024BE7LH|ana>}. An acknowledgement with a message is the
   * command's response, as on Slack: it is recorded as the first response of the command's {@code
   * response_url}.
   */
  public ActionResult runs(String commandLine) {
    String line = Objects.requireNonNull(commandLine).strip();
    if (!line.startsWith("/")) {
      throw new IllegalArgumentException("a slash command starts with '/': " + commandLine);
    }
    int space = line.indexOf(' ');
    String command = space < 0 ? line : line.substring(0, space);
    String text = space < 0 ? "" : line.substring(space + 1).strip();
    String responseUrlId = sim.responseUrls().newResponseUrlId(user, channel.id());
    String triggerId = sim.responseUrls().newTriggerId();
    JsonObject payload =
        client
            .payloads()
            .slashCommand(user, channel, command, text, sim.responseUrl(responseUrlId), triggerId);
    announce("command", line);
    Ack ack = client.deliver(new Delivery(Delivery.SLASH_COMMANDS, payload));
    sim.responseUrls().fromCommandAck(responseUrlId, ack, sim.clock().instant());
    return new ActionResult(sim, ack, responseUrlId, triggerId);
  }

  /**
   * Clicks the button {@code actionId} with its own {@code value}, in the newest message or view
   * from the app that shows it.
   */
  public ActionResult clicks(String actionId) {
    return clicks(actionId, null);
  }

  /**
   * Clicks the button {@code actionId}, sending {@code value}. The block id, message or view and
   * container come from the newest message or view from the app that shows the button; a button the
   * app never showed is clicked in a message in the current channel.
   */
  public ActionResult clicks(String actionId, String value) {
    var holder = sim.latestHolderOf(actionId);
    boolean fromView = holder.isPresent() && holder.get().view() != null;
    String responseUrlId =
        fromView ? null : sim.responseUrls().newResponseUrlId(user, channel.id());
    String triggerId = sim.responseUrls().newTriggerId();
    JsonObject payload =
        client
            .payloads()
            .blockActions(
                user,
                channel,
                holder,
                actionId,
                value,
                responseUrlId == null ? null : sim.responseUrl(responseUrlId),
                triggerId);
    announce("click", actionId + (value == null ? "" : " = " + value));
    Ack ack = client.deliver(new Delivery(Delivery.INTERACTIVE, payload));
    return new ActionResult(sim, ack, responseUrlId, triggerId);
  }

  /**
   * Submits the modal {@code callbackId} with input values keyed by {@code action_id}. The view
   * (id, private metadata, blocks, block ids, element types) is the newest one the app opened with
   * that callback id; without one, each block id equals its action id.
   */
  public ActionResult submits(String callbackId, Map<String, String> values) {
    String triggerId = sim.responseUrls().newTriggerId();
    JsonObject payload =
        client
            .payloads()
            .viewSubmission(
                user, callbackId, sim.views().latestWithCallback(callbackId), values, triggerId);
    announce("submit", callbackId + " " + values);
    Ack ack = client.deliver(new Delivery(Delivery.INTERACTIVE, payload));
    sim.views().fromSubmissionAck(user, sim.views().latestWithCallback(callbackId), ack);
    return new ActionResult(sim, ack, null, triggerId);
  }

  /**
   * Dismisses the modal {@code callbackId} with Cancel or ×: a {@code view_closed}, which Slack
   * sends only for views opened with {@code notify_on_close}.
   */
  public ActionResult closes(String callbackId) {
    Optional<Views.StoredView> opened = sim.views().latestWithCallback(callbackId);
    if (opened.isPresent()
        && !(opened.get().view().has("notify_on_close")
            && opened.get().view().get("notify_on_close").getAsBoolean())) {
      return new ActionResult(sim, null, null, null);
    }
    JsonObject payload = client.payloads().viewClosed(user, callbackId, opened);
    announce("close", callbackId);
    Ack ack = client.deliver(new Delivery(Delivery.INTERACTIVE, payload));
    return new ActionResult(sim, ack, null, null);
  }

  /** Opens the app's Home tab: an {@code app_home_opened} event. */
  public ActionResult opensAppHome() {
    JsonObject event = new JsonObject();
    event.addProperty("type", "app_home_opened");
    event.addProperty("user", user.id());
    event.addProperty("channel", user.dmChannelId());
    event.addProperty("tab", "home");
    event.addProperty("event_ts", sim.ids().ts());
    // Slack sends the Home tab the app last published, once there is one
    sim.views().home(user).ifPresent(home -> event.add("view", home.view().deepCopy()));
    announce("app_home", "opens the Home tab");
    Ack ack =
        client.deliver(new Delivery(Delivery.EVENTS_API, client.payloads().eventCallback(event)));
    return new ActionResult(sim, ack, null, null);
  }

  /**
   * An owner deactivates this person's account (they left the company): {@code users.info} reports
   * {@code deleted} from now on, and the app receives a {@code user_change} event with the deleted
   * user, as Slack sends it to apps subscribed to {@code user_change}.
   */
  public ActionResult isDeactivated() {
    user.deleted(true);
    return userChange("deactivated");
  }

  /** An owner reactivates this person's account: a {@code user_change} without {@code deleted}. */
  public ActionResult isReactivated() {
    user.deleted(false);
    return userChange("reactivated");
  }

  private ActionResult userChange(String what) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "user_change");
    event.add("user", new ConversationMethods(sim).userJson(user));
    event.addProperty("cache_ts", sim.clock().instant().getEpochSecond());
    event.addProperty("event_ts", sim.ids().ts());
    announce("user_change", what);
    Ack ack =
        client.deliver(new Delivery(Delivery.EVENTS_API, client.payloads().eventCallback(event)));
    return new ActionResult(sim, ack, null, null);
  }

  /**
   * Writes {@code text} to the app in their DM: a {@code message} event with {@code channel_type:
   * im}.
   */
  public ActionResult sendsDirectMessage(String text) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "message");
    event.addProperty("user", user.id());
    event.addProperty("text", text);
    String ts = sim.ids().ts();
    event.addProperty("ts", ts);
    event.addProperty("channel", user.dmChannelId());
    event.addProperty("event_ts", ts);
    event.addProperty("channel_type", "im");
    announce("message", text);
    Ack ack =
        client.deliver(new Delivery(Delivery.EVENTS_API, client.payloads().eventCallback(event)));
    return new ActionResult(sim, ack, null, null);
  }

  private void announce(String kind, String text) {
    sim.traffic()
        .publish(
            new SlackTraffic(
                SlackTraffic.Direction.TO_APP,
                kind,
                user.name(),
                channel.id(),
                text,
                sim.clock().instant()));
  }

  @Override
  public String toString() {
    return user + " in " + channel.name();
  }
}
