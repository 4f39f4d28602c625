package io.tandem.simulator.discord;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated guild's state: who the bot is, the roles, the text channels, the people and the DM
 * channels the bot opened, and what each person may do. Guarded by its own monitor; the JSON
 * Discord sends about it is built by {@link GuildJson}.
 */
final class Guild {
  /** Every permission bit set, what the owner and administrators have. */
  static final long ALL_PERMISSIONS = -1L >>> 1;

  final Clock clock;
  final Snowflakes ids;
  final String botToken;
  final String applicationId;
  final String botUserId;
  final String botName;
  final String guildId;
  final String guildName;
  final String adminRoleId;
  final String adminRoleName;
  final String moderatorRoleId;
  final String botRoleId;
  final Instant created;
  private final DiscordSimulator discord;
  private final String ownerId;
  private final Map<String, Role> roles = new LinkedHashMap<>();
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  private final Map<String, DiscordUser> users = new LinkedHashMap<>();
  private final Map<String, String> dmChannelsByUser = new ConcurrentHashMap<>();
  private final Map<String, String> dmUsersByChannel = new ConcurrentHashMap<>();

  record Role(String id, String name, long permissions, int position, boolean managed) {}

  record Channel(String id, String name, int position) {}

  /**
   * A fresh guild with {@code @everyone}, a Moderator role that grants Manage Server, the admin
   * role, the bot's managed role, {@code #general}, {@code #mentoring} and an owner.
   */
  Guild(DiscordSimulator discord, DiscordSimulatorBuilder settings) {
    this.discord = discord;
    this.clock = settings.clock;
    this.ids = new Snowflakes(clock);
    this.botToken = settings.botToken;
    this.applicationId = settings.applicationId == null ? ids.next() : settings.applicationId;
    this.botUserId = applicationId;
    this.botName = settings.botName;
    this.guildId = ids.next();
    this.guildName = settings.guildName;
    this.created = clock.instant().minus(400, ChronoUnit.DAYS);
    this.adminRoleName = settings.adminRoleName;
    long everyone = DiscordSimulator.EVERYONE_PERMISSIONS;
    roles.put(guildId, new Role(guildId, "@everyone", everyone, 0, false));
    this.moderatorRoleId = ids.next();
    roles.put(
        moderatorRoleId,
        new Role(moderatorRoleId, "Moderator", DiscordSimulator.MANAGE_GUILD, 3, false));
    this.adminRoleId = ids.next();
    roles.put(adminRoleId, new Role(adminRoleId, adminRoleName, 0, 2, false));
    this.botRoleId = ids.next();
    roles.put(botRoleId, new Role(botRoleId, botName, everyone, 1, true));
    String general = ids.next();
    channels.put(general, new Channel(general, "general", 0));
    String mentoring = ids.next();
    channels.put(mentoring, new Channel(mentoring, "mentoring", 1));
    this.ownerId = user("guild-owner").id();
  }

  String ownerId() {
    return ownerId;
  }

  /** The {@code #general} channel, where commands run by default. */
  synchronized String defaultChannelId() {
    return channels.keySet().iterator().next();
  }

  synchronized Channel channel(String id) {
    return channels.get(id);
  }

  synchronized boolean hasChannel(String id) {
    return channels.containsKey(id);
  }

  synchronized List<Channel> channels() {
    return List.copyOf(channels.values());
  }

  synchronized List<Role> roles() {
    return List.copyOf(roles.values());
  }

  /** People who are still members, in the order they were created. */
  synchronized List<DiscordUser> members() {
    return users.values().stream().filter(u -> !u.left()).toList();
  }

  /** The person with this username, created on first use. */
  synchronized DiscordUser user(String name) {
    return users.computeIfAbsent(
        name.toLowerCase(Locale.ROOT),
        n -> new DiscordUser(discord, ids.next(), n, clock.instant().minus(30, ChronoUnit.DAYS)));
  }

  synchronized Optional<DiscordUser> userById(String id) {
    return users.values().stream().filter(u -> u.id().equals(id)).findFirst();
  }

  synchronized String createRole(String name, long permissions) {
    String id = ids.next();
    roles.put(id, new Role(id, name, permissions, roles.size(), false));
    return id;
  }

  synchronized String roleId(String nameOrId) {
    if (roles.containsKey(nameOrId)) {
      return nameOrId;
    }
    return roles.values().stream()
        .filter(r -> r.name().equals(nameOrId))
        .map(Role::id)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No role " + nameOrId));
  }

  /** What a member may do in the guild: the owner and administrators may do everything. */
  synchronized long permissionsOf(DiscordUser user) {
    if (user.id().equals(ownerId)) {
      return ALL_PERMISSIONS;
    }
    long permissions = roles.get(guildId).permissions();
    for (String roleId : user.roleIds()) {
      Role role = roles.get(roleId);
      if (role != null) {
        permissions |= role.permissions();
      }
    }
    return (permissions & DiscordSimulator.ADMINISTRATOR) != 0 ? ALL_PERMISSIONS : permissions;
  }

  synchronized long permissionsOfBot() {
    return roles.get(guildId).permissions() | roles.get(botRoleId).permissions();
  }

  /** The DM channel between the bot and this person, opened on first use. */
  synchronized String dmChannel(DiscordUser user) {
    return dmChannelsByUser.computeIfAbsent(
        user.id(),
        u -> {
          String channel = ids.next();
          dmUsersByChannel.put(channel, u);
          return channel;
        });
  }

  /** The DM channel with this person, if the bot opened one. */
  Optional<String> openedDmChannel(DiscordUser user) {
    return Optional.ofNullable(dmChannelsByUser.get(user.id()));
  }

  boolean isDmChannel(String channel) {
    return dmUsersByChannel.containsKey(channel);
  }

  /** Where a message in this channel went, for the transcript: "#general" or "DM to ana". */
  String describe(String channel) {
    return isDmChannel(channel)
        ? "DM to " + userById(dmUsersByChannel.get(channel)).map(DiscordUser::name).orElse("?")
        : "#" + channel(channel).name();
  }
}
