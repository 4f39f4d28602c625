package io.tandem.core.delivery.persistence;

import io.tandem.core.port.in.Platform;
import io.tandem.core.port.out.DmChannels;
import io.tandem.core.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DmChannels} in table {@code dm_channel}, read through a cache in memory: a channel is read
 * from the database once per process, written once when it is opened. Each call is one autocommit
 * statement on a pooled connection of its own.
 */
public final class JdbcDmChannels implements DmChannels {

  private final Database db;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  public JdbcDmChannels(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public Optional<String> find(Platform platform, List<String> userIds) {
    String users = DmChannels.key(userIds);
    String cached = cache.get(platform + "|" + users);
    if (cached != null) {
      return Optional.of(cached);
    }
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement st =
            c.prepareStatement(
                "SELECT channel_id FROM dm_channel WHERE platform = ? AND users = ?")) {
      st.setString(1, platform.name());
      st.setString(2, users);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String channel = rs.getString(1);
        cache.put(platform + "|" + users, channel);
        return Optional.of(channel);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read a DM channel", e);
    }
  }

  @Override
  public void remember(Platform platform, List<String> userIds, String channelId) {
    String users = DmChannels.key(userIds);
    update(
        "INSERT INTO dm_channel (platform, users, channel_id) VALUES (?, ?, ?)"
            + " ON CONFLICT (platform, users) DO UPDATE SET channel_id = excluded.channel_id",
        platform,
        users,
        channelId);
    cache.put(platform + "|" + users, channelId);
  }

  @Override
  public void forget(Platform platform, List<String> userIds) {
    String users = DmChannels.key(userIds);
    cache.remove(platform + "|" + users);
    update("DELETE FROM dm_channel WHERE platform = ? AND users = ?", platform, users, null);
  }

  private void update(String sql, Platform platform, String users, String channelId) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      c.setAutoCommit(true);
      st.setString(1, platform.name());
      st.setString(2, users);
      if (channelId != null) {
        st.setString(3, channelId);
      }
      st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not write a DM channel", e);
    }
  }
}
