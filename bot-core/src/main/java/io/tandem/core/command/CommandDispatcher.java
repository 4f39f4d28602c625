package io.tandem.core.command;

import io.tandem.core.application.JoinProgram;
import io.tandem.core.application.LogSession;
import io.tandem.core.application.ShowStatus;
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Reply;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parses each {@code /tandem} command once and routes it to its use case. */
public final class CommandDispatcher implements HandleCommandUseCase {

  private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

  private final CommandParser parser = new CommandParser();
  private final JoinProgram joinProgram;
  private final LogSession logSession;
  private final ShowStatus showStatus;

  public CommandDispatcher(JoinProgram joinProgram, LogSession logSession, ShowStatus showStatus) {
    this.joinProgram = joinProgram;
    this.logSession = logSession;
    this.showStatus = showStatus;
  }

  @Override
  public Reply handle(Invocation invocation) {
    CommandParser.Parsed parsed = parser.parse(invocation.text());
    if (parsed instanceof CommandParser.Parsed.Rejected rejected) {
      return Reply.error(rejected.problem(), rejected.example());
    }
    Command command = ((CommandParser.Parsed.Accepted) parsed).command();
    try {
      return route(invocation, command);
    } catch (RuntimeException e) {
      LOG.error(
          "/tandem {} failed for {} user {}",
          command.getClass().getSimpleName(),
          invocation.actor().platform(),
          invocation.actor().userId(),
          e);
      return Reply.error(
          "Something went wrong on our side and nothing was saved. Please try again in a minute.",
          "/tandem help");
    }
  }

  // Java 17 has no pattern matching in switch; the sealed interface keeps this list complete.
  private Reply route(Invocation invocation, Command command) {
    if (command instanceof Command.Join join) {
      return joinProgram.join(invocation.actor(), join);
    }
    if (command instanceof Command.Log log) {
      return logSession.log(invocation.actor(), log);
    }
    if (command instanceof Command.Status) {
      return showStatus.status(invocation.actor());
    }
    return help();
  }

  private static Reply help() {
    List<Reply.Field> fields =
        Arrays.stream(CommandParser.Verb.values())
            .map(v -> new Reply.Field("`" + v.example + "`", v.summary))
            .toList();
    return Reply.info(
        "*Tandem* runs reverse-mentoring programs right here. Here is what you can ask:", fields);
  }
}
