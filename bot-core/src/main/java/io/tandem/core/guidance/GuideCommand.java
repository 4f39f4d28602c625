package io.tandem.core.guidance;

import io.tandem.core.command.Command;
import java.util.Objects;

/**
 * {@code guide list|edit|reset|import}: admins shape the guidance of one program; {@link
 * GuideGrammar} parses them. Sealed here, so that routing can check each has a handler.
 */
public sealed interface GuideCommand extends Command.Guidance {

  /** The program the command names, or {@code null} for the default one. */
  String program();

  /** {@code guide list [program]}: every template and whether the program changed it. */
  record ListGuides(String program) implements GuideCommand {}

  /** {@code guide edit <template> [program]}: opens a form with the current text. */
  record Edit(String template, String program) implements GuideCommand {
    public Edit {
      Objects.requireNonNull(template, "template");
    }
  }

  /** {@code guide reset <template> [program]}: back to Tandem's default. */
  record Reset(String template, String program) implements GuideCommand {
    public Reset {
      Objects.requireNonNull(template, "template");
    }
  }

  /** {@code guide import [program]}: opens a form to paste a guidance file into. */
  record Import(String program) implements GuideCommand {}
}
