package io.tandem.core.programs;

import io.tandem.core.command.Command;
import java.util.Objects;

/**
 * {@code program admins add|remove|list}: who administers one program; {@link ProgramAdminGrammar}
 * parses them. Sealed here, so that routing can check each has a handler.
 */
public sealed interface ProgramAdminCommand extends Command.ProgramAdmins {

  /**
   * The program the command names, or {@code null} for the default (see {@link
   * ProgramLookup#inChat}).
   */
  String program();

  /** {@code program admins add @person [program]}: a workspace admin grants the right. */
  record Add(String userId, String program) implements ProgramAdminCommand {
    public Add {
      Objects.requireNonNull(userId, "userId");
    }
  }

  /** {@code program admins remove @person [program]}: a workspace admin takes it back. */
  record Remove(String userId, String program) implements ProgramAdminCommand {
    public Remove {
      Objects.requireNonNull(userId, "userId");
    }
  }

  /** {@code program admins list [program]}: who administers the program. */
  record ListAdmins(String program) implements ProgramAdminCommand {}
}
