package io.tandem.simulator.slack;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners what happens in the workspace as it happens: what people send and what the app
 * posts, in readable words. Listeners run on the thread that produced the traffic.
 */
final class Traffic {
  private static final Logger log = LoggerFactory.getLogger(SlackSimulator.class);

  private final People people;
  private final Uploads uploads;
  private final List<Consumer<SlackTraffic>> listeners = new CopyOnWriteArrayList<>();

  Traffic(People people, Uploads uploads) {
    this.people = people;
    this.uploads = uploads;
  }

  SlackSimulator.Subscription listen(Consumer<SlackTraffic> listener) {
    listeners.add(Objects.requireNonNull(listener));
    return () -> listeners.remove(listener);
  }

  void publish(SlackTraffic traffic) {
    for (Consumer<SlackTraffic> listener : listeners) {
      try {
        listener.accept(traffic);
      } catch (RuntimeException e) {
        log.warn("a Slack traffic listener failed", e);
      }
    }
  }

  /** Publishes what an app call shows, addressed to whom it went, with the files it shared. */
  void publishFromApp(ApiCall call, String channel) {
    String addressee = call.param("user");
    if (addressee == null) {
      addressee = call.param("user_id");
    }
    if (addressee == null) {
      addressee = channel;
    }
    String who =
        people
            .find(addressee)
            .or(() -> people.withDm(channel))
            .map(SimulatedUser::name)
            .orElse(addressee);
    String text =
        call.payload() != null && call.payload().isJsonObject()
            ? BlockText.readable(null, call.payload().getAsJsonObject().get("blocks"))
            : BlockText.readable(call.text(), call.payload());
    if (call.param("initial_comment") != null || call.param("files") != null) {
      text = call.param("initial_comment") == null ? "" : call.param("initial_comment");
      for (SlackFile file : uploads.shared().snapshot()) {
        if (file.time().equals(call.time()) && Objects.equals(file.channel(), channel)) {
          text += " [file " + file.name() + "]";
        }
      }
    }
    publish(
        new SlackTraffic(
            SlackTraffic.Direction.FROM_APP, call.method(), who, channel, text, call.time()));
  }
}
