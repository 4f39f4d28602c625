package io.tandem.simulator.slack;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The people of the simulated workspace, by handle and by id. Thread-safe. */
final class People {
  private final Ids ids;
  private final Map<String, SimulatedUser> byName = new ConcurrentHashMap<>();
  private final Map<String, SimulatedUser> byId = new ConcurrentHashMap<>();

  People(Ids ids) {
    this.ids = ids;
  }

  /** The person with this handle, registered on first use with a stable {@code U…} id. */
  SimulatedUser user(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a user needs a name");
    }
    return byName.computeIfAbsent(
        name.toLowerCase(Locale.ROOT),
        handle -> {
          String id = ids.next('U');
          SimulatedUser user = new SimulatedUser(id, handle, "D" + id.substring(1));
          byId.put(id, user);
          return user;
        });
  }

  /** A registered user by id ({@code U…}) or handle. */
  Optional<SimulatedUser> find(String idOrName) {
    if (idOrName == null) {
      return Optional.empty();
    }
    SimulatedUser user = byId.get(idOrName);
    return user != null
        ? Optional.of(user)
        : Optional.ofNullable(byName.get(idOrName.toLowerCase(Locale.ROOT)));
  }

  /** The person whose DM with the app is {@code channel}. */
  Optional<SimulatedUser> withDm(String channel) {
    return channel != null && channel.startsWith("D")
        ? Optional.ofNullable(byId.get("U" + channel.substring(1)))
        : Optional.empty();
  }
}
