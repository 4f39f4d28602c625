package io.tandem.core.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("guide list: who changed each template")
class GuideMessagesTest {

  @Test
  @DisplayName("an admin's change mentions them; the operator's file import names the operator")
  void changedBy() {
    Program program = new Program(1, "Spring pilot", 14, ProgramStatus.OPEN, false, Instant.EPOCH);
    Instant day = Instant.parse("2026-12-07T09:00:00Z");
    List<ProgramTemplate> own =
        List.of(
            new ProgramTemplate(1, 7, "mentor-guide", "Show.", "U024BE7LH", day),
            new ProgramTemplate(1, 7, "agenda-data", "Ask.", ImportGuides.OPERATOR, day));

    Reply list = GuideMessages.list(program, Guidance.withOwn(own), own);

    assertThat(list.fields())
        .contains(
            new Reply.Field(
                "mentor-guide",
                "changed by " + Markup.mention("U024BE7LH") + " on 2026-12-07: Show."),
            new Reply.Field(
                "agenda-data",
                "changed by the "
                    + Markup.text("operator (tandem import)")
                    + " on 2026-12-07: Ask."));
  }
}
