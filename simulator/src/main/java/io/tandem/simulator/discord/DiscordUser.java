package io.tandem.simulator.discord;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A person in the simulated guild. Obtain one with {@link DiscordSimulator#user(String)}; people
 * created before the bot connects are part of the guild snapshot the bot receives, later ones
 * arrive with their first interaction (as on real Discord, where members are not all cached).
 */
public final class DiscordUser {
  private final DiscordSimulator discord;
  private final String id;
  private final String name;
  private final Instant joinedAt;
  private final Set<String> roleIds = new LinkedHashSet<>();
  private volatile String displayName;
  private volatile boolean left;

  DiscordUser(DiscordSimulator discord, String id, String name, Instant joinedAt) {
    this.discord = discord;
    this.id = id;
    this.name = name;
    this.joinedAt = joinedAt;
    this.displayName = Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  public String id() {
    return id;
  }

  /** The unique username. */
  public String name() {
    return name;
  }

  /** The global display name (defaults to the capitalised username). */
  public String displayName() {
    return displayName;
  }

  public DiscordUser displayName(String newDisplayName) {
    this.displayName = newDisplayName;
    return this;
  }

  Instant joinedAt() {
    return joinedAt;
  }

  synchronized Set<String> roleIds() {
    return Set.copyOf(roleIds);
  }

  /** Gives the person a role by name or id (the role must exist in the guild). */
  public synchronized DiscordUser withRole(String roleNameOrId) {
    roleIds.add(discord.roleId(roleNameOrId));
    return this;
  }

  /** Gives the person the configured admin role. */
  public DiscordUser admin() {
    return withRole(discord.adminRoleId());
  }

  /** Gives the person a role that grants Manage Server. */
  public DiscordUser manageServer() {
    return withRole(discord.moderatorRoleId());
  }

  /**
   * Leaves the guild: bots with the {@code GUILD_MEMBERS} intent receive a {@code
   * GUILD_MEMBER_REMOVE}; returns once it is sent.
   */
  public DiscordUser leavesServer() {
    discord.removeMember(this);
    return this;
  }

  boolean left() {
    return left;
  }

  void left(boolean value) {
    this.left = value;
  }

  /** Runs a slash command in the guild's default channel, e.g. {@code /tandem log duration:45m}. */
  public InteractionResult runs(String commandLine) {
    return discord.dispatchCommand(this, commandLine, false);
  }

  /** Runs a slash command in a direct message with the bot. */
  public InteractionResult runsInDm(String commandLine) {
    return discord.dispatchCommand(this, commandLine, true);
  }

  /** Clicks the button with this custom id on the latest bot message that carries it. */
  public InteractionResult clicks(String customId) {
    return discord.dispatchButton(this, customId);
  }

  /** Submits a modal with text input values by input custom id. */
  public InteractionResult submits(String modalCustomId, Map<String, String> values) {
    return discord.dispatchModal(this, modalCustomId, values);
  }

  @Override
  public String toString() {
    return name + "(" + id + ")";
  }
}
