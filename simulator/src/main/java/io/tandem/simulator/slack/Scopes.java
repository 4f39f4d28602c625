package io.tandem.simulator.slack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The OAuth scopes of the simulated app, and the scope each Web API method needs, so that a call
 * the real workspace would refuse is refused here too, with Slack's {@code missing_scope} answer.
 *
 * <p>By default the granted scopes are the bot scopes of {@code slack-app-manifest.yml} (copied
 * into the simulator at build time), so the manifest people install from is the one every test, the
 * demo and the benchmarks run against. Immutable and thread-safe.
 */
public final class Scopes {
  /** The manifest, as the build copies it next to this class. */
  static final String MANIFEST_RESOURCE = "slack-app-manifest.yml";

  private static final String CHAT_WRITE = "chat:write";
  private static final String FILES_WRITE = "files:write";

  /**
   * Methods whose scope does not depend on their arguments, from each method's "Scopes" in Slack's
   * method reference. {@code auth.test} and {@code views.*} need none; {@code
   * apps.connections.open} takes the app-level token, whose {@code connections:write} is not a bot
   * scope.
   */
  private static final Map<String, String> FIXED =
      Map.of(
          "chat.postMessage", CHAT_WRITE,
          "chat.postEphemeral", CHAT_WRITE,
          "chat.update", CHAT_WRITE,
          "chat.delete", CHAT_WRITE,
          "files.getUploadURLExternal", FILES_WRITE,
          "files.completeUploadExternal", FILES_WRITE,
          "users.info", "users:read",
          "users.lookupByEmail", "users:read.email");

  private final Set<String> granted;

  private Scopes(Set<String> granted) {
    this.granted = Set.copyOf(granted);
  }

  /** The bot scopes of the manifest on the classpath. */
  public static Scopes fromManifest() {
    try (InputStream in = Scopes.class.getResourceAsStream(MANIFEST_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            MANIFEST_RESOURCE + " is not on the classpath; the simulator's build copies it there");
      }
      return of(botScopes(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + MANIFEST_RESOURCE, e);
    }
  }

  /** Exactly these scopes, e.g. the manifest's minus one, to see what breaks without it. */
  public static Scopes of(Set<String> scopes) {
    return new Scopes(scopes);
  }

  /** The granted scopes. */
  public Set<String> granted() {
    return granted;
  }

  /** These scopes without {@code scope}. */
  public Scopes without(String scope) {
    Set<String> fewer = new LinkedHashSet<>(granted);
    fewer.remove(scope);
    return new Scopes(fewer);
  }

  boolean grants(String scope) {
    return granted.contains(scope);
  }

  /** As the {@code x-oauth-scopes} header and the {@code provided} field list them. */
  String header() {
    return String.join(",", granted);
  }

  /**
   * The scope a call needs, or empty when it needs none (or the simulator does not serve it).
   *
   * @param isGroupDm whether a {@code G…} channel id is a group DM (rather than a private channel)
   */
  public static Optional<String> required(
      String method, Map<String, String> params, Predicate<String> isGroupDm) {
    if (FIXED.containsKey(method)) {
      return Optional.of(FIXED.get(method));
    }
    return switch (method) {
      // one user: a DM (im:write); several: a group DM (mpim:write)
      case "conversations.open" ->
          Optional.of(
              params.get("users") != null
                  ? (params.get("users").contains(",") ? "mpim:write" : "im:write")
                  : byChannel(params.get("channel"), isGroupDm, "write", "im:write"));
      // the *:history scope of the conversation's type
      case "conversations.history" ->
          Optional.of(byChannel(params.get("channel"), isGroupDm, "history", "channels:history"));
      default -> Optional.empty();
    };
  }

  private static String byChannel(
      String channel, Predicate<String> isGroupDm, String verb, String otherwise) {
    if (channel == null || channel.isEmpty()) {
      return otherwise;
    }
    return switch (channel.charAt(0)) {
      case 'D', 'U', 'W' -> "im:" + verb;
      case 'G' -> isGroupDm.test(channel) ? "mpim:" + verb : "groups:" + verb;
      case 'C' -> verb.equals("write") ? "channels:manage" : "channels:" + verb;
      default -> otherwise;
    };
  }

  /**
   * The {@code oauth_config.scopes.bot} list of a Slack app manifest. Reads the simple YAML the
   * manifest uses (block lists, {@code #} comments) without a YAML library.
   */
  static Set<String> botScopes(String manifest) {
    Set<String> scopes = new LinkedHashSet<>();
    String[] path = {"oauth_config", "scopes", "bot"};
    int depth = 0;
    int[] indents = new int[path.length];
    for (String raw : manifest.split("\\R")) {
      String line = raw.replaceFirst("\\s+#.*$", "").replaceFirst("^#.*$", "");
      if (line.isBlank()) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      String text = line.strip();
      while (depth > 0 && indent <= indents[depth - 1]) {
        depth--;
      }
      if (depth == path.length) {
        if (text.startsWith("- ")) {
          scopes.add(text.substring(2).strip());
        }
      } else if (text.equals(path[depth] + ":")) {
        indents[depth] = indent;
        depth++;
      }
    }
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("the manifest lists no oauth_config.scopes.bot");
    }
    return scopes;
  }
}
