package io.tandem.config;

import java.util.List;

/**
 * Who is a Tandem admin on each platform, gathered from {@code slack.admins} and {@code
 * discord.admin-role} so adapters ask one place. Platform-side rights (Slack workspace admins,
 * Discord Manage Server) are the adapters' business, not this record's.
 *
 * @param slackUserIds Slack user ids that are admins
 * @param discordRole the Discord role name or id whose members are admins, or {@code null}
 */
public record AdminConfig(List<String> slackUserIds, String discordRole) {

  public AdminConfig {
    slackUserIds = Text.immutableList(slackUserIds);
    discordRole = Text.blankToNull(discordRole);
  }

  /** The admins that the Slack and Discord settings name. */
  public static AdminConfig from(SlackConfig slack, DiscordConfig discord) {
    return new AdminConfig(slack.adminUserIds(), discord.adminRole());
  }

  public boolean isSlackAdmin(String userId) {
    return userId != null && slackUserIds.contains(userId);
  }

  /**
   * Whether a Discord role makes its members admins: its id equals the configured value, or its
   * name does, ignoring case.
   */
  public boolean isDiscordAdminRole(String roleId, String roleName) {
    return discordRole != null
        && (discordRole.equals(roleId)
            || (roleName != null && discordRole.equalsIgnoreCase(roleName)));
  }
}
