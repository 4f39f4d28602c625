package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.Methods;
import io.tandem.simulator.slack.Scopes;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The manifest asks for exactly the scopes Tandem's Slack code needs: every Web API method the
 * slack-adapter calls, through the simulator's method-to-scope table (Slack's method reference),
 * the scopes of answer fields it reads that Slack fills in only with a scope of their own, plus
 * {@code commands} for {@code /tandem}.
 */
@DisplayName("slack-app-manifest.yml asks for exactly the scopes Tandem's code calls for")
class SlackManifestScopesTest {
  private static final Path SLACK_ADAPTER = Path.of("..", "slack-adapter", "src", "main", "java");

  /** The conversations Tandem opens and reads back: a person's DM, a pair's group DM. */
  private static final List<Map<String, String>> CONVERSATIONS_OPENED =
      List.of(Map.of("users", "U1"), Map.of("users", "U1,U2"));

  private static final List<Map<String, String>> CONVERSATIONS_READ =
      List.of(Map.of("channel", "D1"), Map.of("channel", "G1"));

  /**
   * Fields of Web API answers that Slack fills in only with a scope of their own, by the getter
   * that reads them: {@code users.info} leaves out {@code profile.email} without {@code
   * users:read.email} (Slack's scope reference), as the simulator does.
   */
  private static final Map<String, String> FIELD_SCOPES = Map.of("getEmail", "users:read.email");

  @Test
  @DisplayName("the scopes the Web API calls need, and commands, are the manifest's bot scopes")
  void manifestScopesMatchTheCode() throws Exception {
    // GIVEN the Web API methods the slack-adapter calls
    Set<String> methods = calledMethods();
    assertThat(methods)
        .as("a scan that finds nothing proves nothing")
        .contains("chat.postMessage", "conversations.open", "users.info");

    // WHEN each is looked up in Slack's method-to-scope table
    Set<String> needed = new TreeSet<>(Set.of("commands"));
    for (String method : methods) {
      List<Map<String, String>> calls =
          switch (method) {
            case "conversations.open" -> CONVERSATIONS_OPENED;
            case "conversations.history" -> CONVERSATIONS_READ;
            default -> List.of(Map.of());
          };
      for (Map<String, String> call : calls) {
        Scopes.required(method, call, channel -> channel.startsWith("G")).ifPresent(needed::add);
      }
    }

    // AND each field read that needs a scope of its own
    Set<String> getters = namesCalled(Pattern.compile("\\.\\s*(get[A-Z][A-Za-z]*)\\(\\s*\\)"));
    FIELD_SCOPES.forEach(
        (getter, scope) -> {
          if (getters.contains(getter)) {
            needed.add(scope);
          }
        });

    // THEN the manifest asks for those and nothing else
    assertThat(new TreeSet<>(Scopes.fromManifest().granted())).isEqualTo(needed);
  }

  /** Web API methods named in the slack-adapter's code, as Slack spells them. */
  private static Set<String> calledMethods() throws IOException, IllegalAccessException {
    Map<String, String> byJavaName = new HashMap<>();
    for (Field field : Methods.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String method = (String) field.get(null);
        byJavaName.put(javaName(method), method);
      }
    }
    Set<String> found = new TreeSet<>();
    for (String name : namesCalled(Pattern.compile("\\.\\s*([a-z]+[A-Z][A-Za-z]*)\\("))) {
      String method = byJavaName.get(name);
      if (method != null) {
        found.add(method);
      }
    }
    return found;
  }

  /** The names {@code call}'s first group finds in the slack-adapter's code. */
  private static Set<String> namesCalled(Pattern call) throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SLACK_ADAPTER)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher matcher = call.matcher(Files.readString(file));
        while (matcher.find()) {
          found.add(matcher.group(1));
        }
      }
    }
    return found;
  }

  /** {@code chat.postMessage} is {@code chatPostMessage} in the Java client. */
  private static String javaName(String method) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : method.toCharArray()) {
      if (c == '.') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }
}
