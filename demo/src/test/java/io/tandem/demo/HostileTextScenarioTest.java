package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import io.tandem.app.Tandem;
import io.tandem.simulator.HostileText;
import io.tandem.simulator.discord.DiscordSimulator;
import io.tandem.simulator.discord.RestCall;
import io.tandem.simulator.slack.ApiCall;
import io.tandem.simulator.slack.ResponseMessage;
import io.tandem.simulator.slack.SlackSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Text people type reaches other people as text: through every field that another person sees, on
 * Slack and Discord, hostile values form no mention, broadcast or link in the bytes the platform
 * receives, while Tandem's own mentions and links still do.
 */
@DisplayName("People's text is data, on every platform")
class HostileTextScenarioTest {

  static final String DEPARTMENT = "<!channel> <https://evil.example/login|Verify your account>";
  static final String TOPIC = "<!here> <@U123> @everyone *bold* &lt;";
  static final String GOAL = "<!everyone> [Verify](https://evil.example) @here";
  static final String TASK = String.join(" ", HostileText.VALUES);
  static final String PROGRAM = "Pilot <!channel> [Verify](https://evil.example)";

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;

  @AfterEach
  void stop() throws Exception {
    if (tandem != null) {
      tandem.close();
    }
    if (chat != null) {
      List<String> answeredTwice = chat.answeredTwice();
      chat.close();
      assertThat(answeredTwice).as("requests answered more than once").isEmpty();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(
      value = SimulatedChat.Kind.class,
      names = {"SLACK_SOCKET", "DISCORD"})
  @DisplayName("a department, topic, goal, task and program name reach others as plain text")
  void hostileText(SimulatedChat.Kind kind) throws Exception {
    // GIVEN a pair whose mentor typed a hostile department
    chat = SimulatedChat.start(kind);
    chat.makeAdmin("maya");
    tandem =
        Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), Clock.systemUTC());
    chat.connect(tandem);
    Map<String, String> about = new HashMap<>(SamplePeople.ANA.about());
    about.put("department", DEPARTMENT);
    // (and no skill in common with her mentee, so the departments are a reason they were paired)
    Map<String, String> skills = new HashMap<>(SamplePeople.ANA.skills());
    skills.put("teach", "Negotiation");
    skills.put("learn", "Figma 1");
    chat.enrol("ana", "mentor", about, skills);
    chat.enrol(SamplePeople.BEN);
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 1 pair");
    chat.awaitMessageTo("ben", "Meet your Tandem partner");
    if (chat instanceof SimulatedSlack slack) {
      slack.client().user("ben").opensAppHome();
      slack.simulator().awaitCall("views.publish", SimulatedChat.REPLY_TIMEOUT);
    }

    // WHEN the mentor logs a session, sets a goal and a task, all in hostile words
    assertThat(chat.run("ana", "log 45m " + TOPIC).text()).contains("Logged");
    chat.awaitMessageTo("ben", "logged a session with you");
    assertThat(chat.run("ana", "goal add " + GOAL).text()).contains("Goal 1");
    assertThat(chat.run("ana", "task add 1 " + TASK).text()).contains("Task");
    // AND the partner looks at their status, and the admin names a program in hostile words
    assertThat(chat.run("ben", "status").text()).contains("Partner");
    assertThat(chat.run("maya", "program create " + PROGRAM).text()).contains("Created");
    // AND Tandem mentions someone and links the dashboard on its own behalf
    String admin =
        chat.kind() == SimulatedChat.Kind.DISCORD
            ? discord().user("maya").id()
            : slack().user("maya").id();
    assertThat(chat.run("maya", "nudge " + chat.mention("maya")).text()).contains("no active pair");
    assertThat(chat.run("maya", "dashboard").text()).contains("only for you");

    // THEN nothing the platform received forms a mention, broadcast or link from people's text
    if (kind == SimulatedChat.Kind.DISCORD) {
      assertDiscord(admin);
    } else {
      assertSlack(admin);
    }
  }

  private SlackSimulator slack() {
    return ((SimulatedSlack) chat).simulator();
  }

  private DiscordSimulator discord() {
    return ((SimulatedDiscord) chat).simulator();
  }

  /** Slack's {@code <…>} forms: Tandem's may only mention the admin or link Tandem's dashboard. */
  private static final Pattern SLACK_CONTROL = Pattern.compile("<([^>]*)>");

  private void assertSlack(String admin) {
    List<String> texts = new ArrayList<>();
    for (ApiCall call : slack().calls()) {
      if (call.method().startsWith("chat.")
          || call.method().startsWith("views.")
          || call.method().startsWith("files.")) {
        call.params().values().forEach(value -> strings(parse(value), texts));
      }
    }
    for (ResponseMessage response : slack().responses()) {
      strings(response.json(), texts);
    }
    Set<String> formed = new HashSet<>();
    for (String text : texts) {
      Matcher m = SLACK_CONTROL.matcher(text);
      while (m.find()) {
        formed.add(m.group(1).replaceAll("\\|.*", "|…").replaceAll("\\?t=.*", "?t=…"));
      }
    }
    String dashboard = tandem.httpUrl() + "dashboard?t=…";
    assertThat(formed).containsExactlyInAnyOrder("@" + admin, dashboard);
    // AND the partner's App Home shows the goal as text
    String ben = slack().user("ben").id();
    slack()
        .awaitCall(
            "views.publish",
            c ->
                ben.equals(c.param("user_id"))
                    && text(c.payload())
                        .contains("&lt;!everyone&gt; [Verify](https://evil.example)"),
            SimulatedChat.REPLY_TIMEOUT);
    String all = String.join("\n", texts);
    assertThat(all)
        .contains("&lt;!channel&gt; &lt;https://evil.example/login|Verify your account&gt;")
        .contains("&lt;!here&gt; &lt;@U123&gt; @everyone *bold* &amp;lt;")
        .contains("&lt;!everyone&gt; [Verify](https://evil.example)")
        .contains(TASK.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        .contains("Pilot &lt;!channel&gt;");
  }

  /** Unescaped Discord syntax that mentions, broadcasts or links. */
  private static final Pattern DISCORD_FORMED =
      Pattern.compile("(?<!\\\\)<[^\\s>]*>|@everyone|@here|(?<!\\\\)\\[[^\\]]*\\]\\([^)]*\\)");

  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

  private void assertDiscord(String admin) {
    List<JsonObject> messages = new ArrayList<>();
    for (RestCall call : discord().calls()) {
      if (call.method().equals("POST") || call.method().equals("PATCH")) {
        messages(call.body(), messages);
      }
    }
    Set<String> formed = new HashSet<>();
    List<String> texts = new ArrayList<>();
    for (JsonObject message : messages) {
      List<String> own = new ArrayList<>();
      strings(message, own);
      texts.addAll(own);
      for (String text : own) {
        // Discord shows a code span as it is: nothing in one is a mention or a link
        Matcher m = DISCORD_FORMED.matcher(CODE_SPAN.matcher(text).replaceAll("``"));
        while (m.find()) {
          formed.add(m.group().replaceAll("\\?t=[^)]*", "?t=…"));
        }
      }
      JsonObject allowed = message.getAsJsonObject("allowed_mentions");
      assertThat(allowed).as("allowed_mentions of %s", message).isNotNull();
      assertThat(allowed.getAsJsonArray("parse")).isEmpty();
      if (allowed.has("users")) {
        assertThat(allowed.getAsJsonArray("users").asList())
            .extracting(JsonElement::getAsString)
            .containsOnly(admin);
      }
    }
    String dashboard = "[open the dashboard](" + tandem.httpUrl() + "dashboard?t=…)";
    assertThat(formed).containsExactlyInAnyOrder("<@" + admin + ">", dashboard);
    String all = String.join("\n", texts);
    assertThat(all)
        .contains("\\<!channel> \\<https://evil.example/login\\|Verify your account>")
        .contains("\\<!here> \\<@U123> @\u200Beveryone \\*bold\\* &lt;")
        .contains("\\<!everyone> \\[Verify\\](https://evil.example) @\u200Bhere")
        .contains("\\<!subteam^S123> \\<@U123> \\<@123> \\<@!123> \\<#C123> \\<@&123>")
        .contains("Pilot \\<!channel>");
  }

  /** Every object in a request body that Discord sends as a message (it has content). */
  private static void messages(JsonElement body, List<JsonObject> out) {
    if (body == null || !body.isJsonObject()) {
      return;
    }
    JsonObject object = body.getAsJsonObject();
    if (object.has("content") || object.has("embeds")) {
      out.add(object);
    }
    if (object.has("data")) {
      messages(object.get("data"), out);
    }
  }

  private static JsonElement parse(String value) {
    if (value != null && (value.startsWith("[") || value.startsWith("{"))) {
      try {
        return JsonParser.parseString(value);
      } catch (JsonSyntaxException e) {
        // a text that merely starts with a bracket
      }
    }
    return value == null ? null : new com.google.gson.JsonPrimitive(value);
  }

  private static String text(JsonElement json) {
    List<String> texts = new ArrayList<>();
    strings(json, texts);
    return String.join("\n", texts);
  }

  /** Every string in a JSON tree, keys aside. */
  private static void strings(JsonElement json, List<String> out) {
    if (json == null || json.isJsonNull()) {
      return;
    }
    if (json.isJsonPrimitive()) {
      if (json.getAsJsonPrimitive().isString()) {
        out.add(json.getAsString());
      }
    } else if (json.isJsonArray()) {
      json.getAsJsonArray().forEach(e -> strings(e, out));
    } else {
      json.getAsJsonObject().entrySet().forEach(e -> strings(e.getValue(), out));
    }
  }
}
