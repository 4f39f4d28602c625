package io.tandem.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.port.in.Reply;
import java.util.List;
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
    assertThat(ReplyRenderer.content(Reply.error("Bad.", "/tandem log 45m")))
        .isEqualTo("⚠️ Bad.\nExample: `/tandem log 45m`");
    assertThat(ReplyRenderer.content(Reply.success("Done", List.of()))).isEqualTo("Done");
  }
}
