package io.tandem.discord;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;

/**
 * Who ran an interaction, as the core sees them, and whether this installation serves them at all.
 *
 * <p>Served are the guilds in {@code discord.guild-ids}, or when that is empty every guild the bot
 * is in. An interaction from any other guild is {@link Refused}, and so is {@code /tandem} in a
 * direct message: a program lives in a server. A button or form in a DM (one Tandem sent) belongs
 * to the one served guild when there is exactly one, and is refused otherwise.
 *
 * <p>A person is an admin when their member has the configured admin role (matched by id or by
 * name, ignoring case) or the Manage Server permission; what admins may do is the core's decision.
 * In a DM there is no member, so nobody is an admin.
 */
final class DiscordActors {

  static final String USE_IN_SERVER =
      "Tandem works inside your server: run `/tandem` in a channel of the server where your"
          + " mentoring program runs, not in a direct message.";
  static final String OTHER_SERVER =
      "This Tandem does not serve this server, so it did nothing here. Ask the server's admins"
          + " which mentoring program you belong to.";
  static final String WHICH_SERVER =
      "Tandem can't tell which server this belongs to. Please use `/tandem` in your server"
          + " instead.";

  /** An interaction this installation does not serve; its message is the private answer. */
  static final class Refused extends RuntimeException {
    Refused(String answer) {
      super(answer, null, false, false);
    }
  }

  private final String adminRole;
  private final Set<String> guildIds;

  /**
   * @param adminRole the admin role's name or id, or null for "Manage Server only"
   * @param guildIds the served guilds ({@code discord.guild-ids}); empty for every guild the bot is
   *     in
   */
  DiscordActors(String adminRole, List<String> guildIds) {
    this.adminRole = adminRole == null || adminRole.isBlank() ? null : adminRole.strip();
    this.guildIds = Set.copyOf(guildIds);
  }

  /**
   * What the intake takes from an interaction that arrived at {@code receivedAt}: keyed by the
   * interaction id, which Discord repeats when it sends the same interaction again.
   *
   * @throws Refused when this installation does not serve the interaction
   */
  InboundRequest requestOf(
      IReplyCallback event,
      Instant receivedAt,
      InboundRequest.Kind kind,
      String name,
      String value,
      Map<String, String> values,
      Map<String, String> mentions) {
    Actor actor = actorOf(event);
    return new InboundRequest(
        Platform.DISCORD,
        "discord:" + event.getId(),
        kind,
        actor.workspaceId(),
        actor.userId(),
        actor.displayName(),
        actor.timeZone(),
        actor.admin(),
        event.getChannelId(),
        name,
        value,
        values,
        event.getToken(),
        receivedAt,
        mentions);
  }

  /**
   * @throws Refused when this installation does not serve the interaction
   */
  Actor actorOf(Interaction interaction) {
    Guild guild = interaction.getGuild();
    Member member = interaction.getMember();
    if (guild == null) {
      if (interaction instanceof CommandInteractionPayload) {
        throw new Refused(USE_IN_SERVER);
      }
      return new Actor(
          Platform.DISCORD,
          onlyServedGuild(interaction.getJDA()),
          interaction.getUser().getId(),
          interaction.getUser().getEffectiveName(),
          null,
          false);
    }
    if (!serves(interaction.getJDA(), guild.getId())) {
      throw new Refused(OTHER_SERVER);
    }
    return new Actor(
        Platform.DISCORD,
        guild.getId(),
        interaction.getUser().getId(),
        member == null ? interaction.getUser().getEffectiveName() : member.getEffectiveName(),
        null,
        member != null && isAdmin(member));
  }

  private boolean serves(JDA jda, String guildId) {
    return guildIds.isEmpty() ? jda.getGuildById(guildId) != null : guildIds.contains(guildId);
  }

  private String onlyServedGuild(JDA jda) {
    if (guildIds.size() == 1) {
      return guildIds.iterator().next();
    }
    if (guildIds.isEmpty() && jda.getGuilds().size() == 1) {
      return jda.getGuilds().get(0).getId();
    }
    throw new Refused(WHICH_SERVER);
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
