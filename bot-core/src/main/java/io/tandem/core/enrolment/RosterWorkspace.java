package io.tandem.core.enrolment;

import io.tandem.core.port.in.Platform;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The workspace the roster goes to: one in the database, or, when the operator names a platform and
 * a workspace id the database does not know yet (a roster imported before anyone used Tandem
 * there), one to add in the same transaction as the roster.
 */
record RosterWorkspace(Long id, Platform platform, String externalId) {

  private static final Pattern SLACK_TEAM = Pattern.compile("[TE][A-Z0-9_]+");
  private static final Pattern DISCORD_GUILD = Pattern.compile("\\d{15,21}");

  static RosterWorkspace of(Store store, Platform platform, String externalId) {
    if (platform == null || externalId == null || externalId.isBlank()) {
      if (Workspaces.in(store).count() == 0) {
        throw new ProgramLookup.NotFound(
            "the database has no workspace yet: name yours with --platform slack|discord and"
                + " --workspace TEAM_OR_GUILD_ID (e.g. --platform slack --workspace T0123ABCD)"
                + " and this import adds it");
      }
      return new RosterWorkspace(
          ProgramLookup.workspace(store, platform, externalId).getId(), platform, externalId);
    }
    String id = externalId.strip();
    Optional<Workspace> known = Workspaces.in(store).find(platform, id);
    if (known.isPresent()) {
      return new RosterWorkspace(known.get().getId(), platform, id);
    }
    boolean slack = platform == Platform.SLACK;
    if (!(slack ? SLACK_TEAM : DISCORD_GUILD).matcher(id).matches()) {
      throw new ProgramLookup.NotFound(
          "--workspace "
              + id
              + (slack
                  ? " is not a Slack team id: those start with T, e.g. T0123ABCD (auth.test or"
                      + " the workspace's URL in a browser shows it)"
                  : " is not a Discord server id: those are 15 to 21 digits, e.g."
                      + " 1234567890123456789 (Developer Mode → right-click the server → Copy"
                      + " Server ID)"));
    }
    return new RosterWorkspace(null, platform, id);
  }

  Workspace resolve(Store store, long now) {
    Workspaces workspaces = Workspaces.in(store);
    if (id != null) {
      return workspaces.byId(id).orElseThrow();
    }
    return workspaces.add(new Workspace(platform, externalId, Instant.ofEpochMilli(now)));
  }
}
