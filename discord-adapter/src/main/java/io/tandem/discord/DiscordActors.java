package io.tandem.discord;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Platform;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * Who ran an interaction, as the core sees them. A person is an admin when their member has the
 * configured admin role (matched by id or by name, ignoring case) or the Manage Server permission;
 * what admins may do is the core's decision. In a DM there is no member, so nobody is an admin.
 */
final class DiscordActors {
  private final String adminRole;

  /**
   * @param adminRole the admin role's name or id, or null for "Manage Server only"
   */
  DiscordActors(String adminRole) {
    this.adminRole = adminRole == null || adminRole.isBlank() ? null : adminRole.strip();
  }

  Actor actorOf(Interaction interaction) {
    Member member = interaction.getMember();
    if (member == null || interaction.getGuild() == null) {
      return new Actor(
          Platform.DISCORD,
          "dm" + interaction.getUser().getId(),
          interaction.getUser().getId(),
          interaction.getUser().getEffectiveName(),
          null,
          false);
    }
    return new Actor(
        Platform.DISCORD,
        interaction.getGuild().getId(),
        member.getId(),
        member.getEffectiveName(),
        null,
        isAdmin(member));
  }

  boolean isAdmin(Member member) {
    if (member.hasPermission(Permission.MANAGE_SERVER)) {
      return true;
    }
    if (adminRole == null) {
      return false;
    }
    for (Role role : member.getRoles()) {
      if (role.getId().equals(adminRole) || role.getName().equalsIgnoreCase(adminRole)) {
        return true;
      }
    }
    return false;
  }
}
