package io.tandem.simulator.slack;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The group DMs the app opened: one channel per set of members, as Slack reuses one. */
final class GroupDms {
  private final Ids ids;
  private final Map<String, String> channelsByMembers = new ConcurrentHashMap<>();

  GroupDms(Ids ids) {
    this.ids = ids;
  }

  /** A group DM's channel id, opened on first use. */
  String channelId(Collection<String> memberIds) {
    return channelsByMembers.computeIfAbsent(key(memberIds), k -> ids.next('G'));
  }

  boolean isGroupDm(String channelId) {
    return channelsByMembers.containsValue(channelId);
  }

  /** Who is in a group DM the app opened; empty for any other channel. */
  Set<String> members(String channelId) {
    return channelsByMembers.entrySet().stream()
        .filter(e -> e.getValue().equals(channelId))
        .findFirst()
        .map(e -> Set.of(e.getKey().split(",")))
        .orElse(Set.of());
  }

  /** The group DM channel of these people, if the app opened one. */
  Optional<String> of(SimulatedUser... members) {
    List<String> memberIds = Arrays.stream(members).map(SimulatedUser::id).toList();
    return Optional.ofNullable(channelsByMembers.get(key(memberIds)));
  }

  private static String key(Collection<String> memberIds) {
    return String.join(",", new TreeSet<>(memberIds));
  }
}
