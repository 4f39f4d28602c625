package io.tandem.core.port.out;

import io.tandem.core.port.in.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The direct-message conversations a platform opened for sets of people, kept by the core so that
 * an adapter opens each one once, not once per process (Slack's {@code conversations.open} is
 * rate-limited to Tier 3). Implementations are thread-safe; each call is short and commits on its
 * own, outside any use case's transaction.
 */
public interface DmChannels {

  /** The channel opened earlier for exactly these people on {@code platform}, if any. */
  Optional<String> find(Platform platform, List<String> userIds);

  /** Keeps the channel the platform opened for these people. */
  void remember(Platform platform, List<String> userIds, String channelId);

  /** Forgets the people's channel: the platform said it is gone. */
  void forget(Platform platform, List<String> userIds);

  /** The key of a set of people: their ids sorted, comma-separated; the order does not matter. */
  static String key(List<String> userIds) {
    return String.join(",", userIds.stream().sorted().toList());
  }

  /** Channels kept in this process only (tests, tools without a database). */
  static DmChannels inMemory() {
    Map<String, String> channels = new ConcurrentHashMap<>();
    return new DmChannels() {
      @Override
      public Optional<String> find(Platform platform, List<String> userIds) {
        return Optional.ofNullable(channels.get(platform + "|" + key(userIds)));
      }

      @Override
      public void remember(Platform platform, List<String> userIds, String channelId) {
        channels.put(platform + "|" + key(userIds), channelId);
      }

      @Override
      public void forget(Platform platform, List<String> userIds) {
        channels.remove(platform + "|" + key(userIds));
      }
    };
  }
}
