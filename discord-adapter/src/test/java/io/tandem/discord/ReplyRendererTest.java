package io.tandem.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.simulator.HostileText;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rendering core replies for Discord")
class ReplyRendererTest {

  @Test
  @DisplayName("*bold* becomes **bold**; code, lists and lone stars stay")
  void markdown() {
    assertThat(ReplyRenderer.markdown("*Logged* 45m of `log`"))
        .isEqualTo("**Logged** 45m of `log`");
    assertThat(ReplyRenderer.markdown("2 * 3 * 4")).isEqualTo("2 * 3 * 4");
    assertThat(ReplyRenderer.markdown("**already**")).isEqualTo("**already**");
  }

  @Test
  @DisplayName("errors are marked, other kinds are not")
  void errorMarker() {
    assertThat(ReplyRenderer.content(Reply.error("Bad.", "log 45m")))
        .isEqualTo("⚠️ Bad.\nExample: `/tandem log duration:45m`");
    assertThat(ReplyRenderer.content(Reply.success("Done", List.of()))).isEqualTo("Done");
  }

  /** Discord syntax that would mention, broadcast or link, not preceded by a backslash. */
  private static final Pattern FORMED =
      Pattern.compile("(?<!\\\\)<[@#!:a]|@everyone|@here|(?<!\\\\)\\[[^\\]]*\\]\\(");

  @Test
  @DisplayName("no text, wrapped or forgotten, forms a mention, broadcast or link on Discord")
  void hostile() {
    for (String hostile : HostileText.VALUES) {
      for (String markup : List.of("By *" + Markup.text(hostile) + "*.", "Forgot " + hostile)) {
        String content = ReplyRenderer.markdown(markup);
        assertThat(FORMED.matcher(content).find()).as(content).isFalse();
      }
    }
    assertThat(ReplyRenderer.markdown("By *" + Markup.text("*bold* `x`") + "*"))
        .isEqualTo("By **\\*bold\\* \\`x\\`**");
    assertThat(ReplyRenderer.markdown("Try `" + Markup.text("*a* `b`") + "`"))
        .isEqualTo("Try `*a* ˋbˋ`");
  }

  @Test
  @DisplayName("a message may mention exactly the people Tandem mentions, and nobody else")
  void allowedMentions() {
    Reply reply =
        Reply.info(
            Markup.mention("42") + " and " + Markup.text("<@43> @everyone <@&7>"),
            List.of(new Reply.Field("Link", Markup.link("https://tandem.example/d", "open"))));

    MessageCreateData data = ReplyRenderer.create(reply);

    assertThat(data.getContent()).isEqualTo("<@42> and \\<@43> @\u200Beveryone \\<@&7>");
    assertThat(data.getMentionedUsers()).containsExactly("42");
    assertThat(data.getMentionedRoles()).isEmpty();
    assertThat(data.getAllowedMentions()).isEmpty();
    assertThat(data.getEmbeds().get(0).getFields().get(0).getValue())
        .isEqualTo("[open](https://tandem.example/d)");
  }
}
