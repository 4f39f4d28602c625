package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.simulator.HostileText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rendering Tandem's markup for Slack")
class SlackTextTest {

  @Test
  @DisplayName("no text, wrapped or forgotten, forms a mention, broadcast or link on Slack")
  void hostile() {
    for (String hostile : HostileText.VALUES) {
      for (String markup : List.of("By *" + Markup.text(hostile) + "*.", "Forgot " + hostile)) {
        String mrkdwn = SlackText.mrkdwn(markup);
        assertThat(mrkdwn).as(hostile).doesNotContain("<").doesNotContain(">");
        assertThat(mrkdwn.replace("&amp;", "").replace("&lt;", "").replace("&gt;", ""))
            .as(hostile)
            .doesNotContain("&");
      }
    }
    assertThat(SlackText.mrkdwn(Markup.text("<!channel> & <https://evil.example|Verify>")))
        .isEqualTo("&lt;!channel&gt; &amp; &lt;https://evil.example|Verify&gt;");
    assertThat(SlackText.mrkdwn("&lt;")).isEqualTo("&amp;lt;");
  }

  @Test
  @DisplayName("Tandem's own mentions, links and bold still form")
  void own() {
    String markup =
        "*Hi* "
            + Markup.mention("U42")
            + ", see "
            + Markup.link("https://tandem.example/d?t=a&b", "<your> dashboard");

    assertThat(SlackText.mrkdwn(markup))
        .isEqualTo("*Hi* <@U42>, see <https://tandem.example/d?t=a&amp;b|&lt;your&gt; dashboard>");
  }

  @Test
  @DisplayName("a command is named after /tandem, as typed, with people's text escaped")
  void command() {
    assertThat(SlackText.mrkdwn("Try `" + Markup.command("match preview") + "`."))
        .isEqualTo("Try `/tandem match preview`.");
    assertThat(SlackText.mrkdwn(Markup.command("program open " + Markup.text("<!here> *x*"))))
        .isEqualTo("/tandem program open &lt;!here&gt; *x*");
    assertThat(SlackText.mrkdwn(Reply.error("Bad.", "log 45m Instagram reels").text()))
        .isEqualTo("Bad.\nExample: `/tandem log 45m Instagram reels`");
  }

  @Test
  @DisplayName("Block Kit sends text and fields as verbatim mrkdwn, button labels as plain text")
  void blocks() {
    Reply reply =
        new Reply(
            Reply.Kind.INFO,
            Reply.Visibility.PRIVATE,
            "Goal: " + Markup.text("<!here>"),
            List.of(new Reply.Field("Partner", Markup.text("<@U9|boss>"))),
            List.of(
                new Reply.Button(
                    "goal.open", Markup.text("<!channel> " + "x".repeat(90)), "1", null)),
            null);

    JsonArray blocks =
        GsonFactory.createSnakeCase().toJsonTree(BlockKit.blocks(reply)).getAsJsonArray();
    JsonObject text = blocks.get(0).getAsJsonObject().getAsJsonObject("text");
    JsonObject field =
        blocks.get(1).getAsJsonObject().getAsJsonArray("fields").get(0).getAsJsonObject();
    JsonObject button =
        blocks
            .get(2)
            .getAsJsonObject()
            .getAsJsonArray("elements")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("text");

    assertThat(text.get("text").getAsString()).isEqualTo("Goal: &lt;!here&gt;");
    assertThat(text.get("verbatim").getAsBoolean()).isTrue();
    assertThat(field.get("text").getAsString()).isEqualTo("*Partner*\n&lt;@U9|boss&gt;");
    assertThat(field.get("verbatim").getAsBoolean()).isTrue();
    assertThat(button.get("type").getAsString()).isEqualTo("plain_text");
    assertThat(button.get("text").getAsString())
        .startsWith("<!channel> ")
        .hasSize(BlockKit.MAX_BUTTON_TEXT);
    assertThat(BlockKit.fallbackText(reply)).isEqualTo("Goal: &lt;!here&gt;");
  }

  @Test
  @DisplayName("the user mentions Slack escapes in a command are read with the ids they name")
  void mentions() {
    // as Slack sends "/tandem match swap @noah @mei" with "Escape channels, users, and links" on
    assertThat(SlackText.mentions("match swap <@U0SIM066|noah> <@W0SIM174> Pilot"))
        .containsExactly(
            Map.entry("<@U0SIM066|noah>", "U0SIM066"), Map.entry("<@W0SIM174>", "W0SIM174"));
    // channels, broadcasts, user groups, links and what only looks like a mention name nobody
    assertThat(
            SlackText.mentions(
                "<#C024BE7LR|general> <!here> <!subteam^S123> <https://x.example|x> @ana <@> <@u1|x>"
                    + " &lt;@U123&gt; <@U0ANA"))
        .isEmpty();
    assertThat(SlackText.mentions(null)).isEmpty();
  }

  @Test
  @DisplayName(
      "the manifest has Slack escape the users in /tandem's text, so that mentions are read")
  void manifestEscapesUsers() throws java.io.IOException {
    String manifest =
        java.nio.file.Files.readString(java.nio.file.Path.of("..", "slack-app-manifest.yml"));
    String command = manifest.substring(manifest.indexOf("- command: /tandem"));
    command = command.substring(0, command.indexOf("oauth_config:"));
    assertThat(command).containsPattern("(?m)^\\s*should_escape: true\\s*$");
  }
}
