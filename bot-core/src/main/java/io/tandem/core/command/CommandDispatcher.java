package io.tandem.core.command;

import io.tandem.core.kernel.AlreadyDone;
import io.tandem.core.kernel.LogText;
import io.tandem.core.kernel.MentionedUsers;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.HandleInteractionUseCase;
import io.tandem.core.port.in.HandleMembershipUseCase;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.Metrics;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses each {@code /tandem} command once and routes it, and every button and form, to the use
 * case its feature registered on {@link Routes}. Nothing a person does can make it throw: failures
 * become an apology that says nothing was saved (each use case's transaction rolled back).
 */
public final class CommandDispatcher
    implements HandleCommandUseCase, HandleInteractionUseCase, HandleMembershipUseCase {

  /** Buttons with this action id carry a command of the core grammar as their value. */
  public static final String COMMAND_ACTION = "command";

  private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

  /** What a person reads when their command failed on Tandem's side. */
  private static final String APOLOGY =
      "Something went wrong on our side and nothing was saved. Please try again in a minute.";

  private final CommandParser parser = new CommandParser();
  private final Routes routes;
  private final Metrics metrics;

  /**
   * @param routes every feature's handlers, complete (see {@link Routes#of})
   * @param metrics told of each command handled
   */
  public CommandDispatcher(Routes routes, Metrics metrics) {
    this.routes = Objects.requireNonNull(routes, "routes");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** The command a button sends to nudge this person, as if an admin had typed it. */
  public static String nudgeCommand(String userId) {
    return "nudge " + MentionedUsers.plainMention(userId);
  }

  @Override
  public Reply handle(Invocation invocation) {
    CommandParser.Parsed parsed =
        parser.parse(invocation.text(), MentionedUsers.of(invocation.mentions()));
    String verb = CommandParser.verbOf(invocation.text());
    if (parsed instanceof CommandParser.Parsed.Rejected rejected) {
      counted(invocation.actor().platform(), verb, Metrics.Outcome.INVALID);
      return Reply.error(rejected.problem(), rejected.example());
    }
    Command command = ((CommandParser.Parsed.Accepted) parsed).command();
    Reply reply =
        guarded(
            command.getClass().getSimpleName(),
            invocation.actor(),
            () -> route(invocation.actor(), command));
    counted(
        invocation.actor().platform(),
        verb,
        reply.kind() == Reply.Kind.ERROR && APOLOGY.equals(reply.text())
            ? Metrics.Outcome.FAILED
            : reply.kind() == Reply.Kind.ERROR ? Metrics.Outcome.REFUSED : Metrics.Outcome.OK);
    if (invocation.actor().admin()) {
      for (Consumer<Actor> listener : routes.adminCommandListeners()) {
        guarded(
            "admin",
            invocation.actor(),
            () -> {
              listener.accept(invocation.actor());
              return null;
            });
      }
    }
    return reply;
  }

  private void counted(Platform platform, String verb, Metrics.Outcome outcome) {
    HeldCounts.count(() -> metrics.commandHandled(platform, verb, outcome));
  }

  @Override
  public void memberLeft(Platform platform, String workspaceId, String userId) {
    try {
      routes.membership().memberLeft(platform, workspaceId, userId);
    } catch (AlreadyDone e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error("Recording that {} user {} left failed", platform, LogText.of(userId), e);
    }
  }

  @Override
  public void memberReturned(Platform platform, String workspaceId, String userId) {
    try {
      routes.membership().memberReturned(platform, workspaceId, userId);
    } catch (AlreadyDone e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error("Recording that {} user {} returned failed", platform, LogText.of(userId), e);
    }
  }

  @Override
  public Reply clicked(Actor actor, String channelId, String actionId, String value) {
    return clicked(actor, channelId, actionId, value, Map.of());
  }

  @Override
  public Reply clicked(
      Actor actor, String channelId, String actionId, String value, Map<String, String> mentions) {
    if (COMMAND_ACTION.equals(actionId)) {
      return handle(new Invocation(actor, channelId, value, mentions));
    }
    return routes
        .action(actionId)
        .map(
            handler ->
                guarded("click " + actionId, actor, () -> handler.clicked(actor, actionId, value)))
        .orElseGet(
            () -> Reply.error("That button is no longer active.", CommandParser.Verb.HELP.example));
  }

  @Override
  public Reply submitted(Actor actor, String channelId, String formId, Map<String, String> values) {
    return routes
        .form(formId)
        .map(
            handler ->
                guarded("form " + formId, actor, () -> handler.submitted(actor, formId, values)))
        .orElseGet(
            () -> Reply.error("That form is no longer active.", CommandParser.Verb.HELP.example));
  }

  @Override
  public void homeOpened(Actor actor) {
    guarded(
        "home",
        actor,
        () -> {
          routes.homeOpened().accept(actor);
          return null;
        });
  }

  @Override
  public void formClosed(Actor actor, String formId) {
    guarded(
        "form closed " + formId,
        actor,
        () -> {
          routes.formClosed().accept(actor, formId);
          return null;
        });
  }

  private Reply guarded(String what, Actor actor, Supplier<Reply> work) {
    try {
      return work.get();
    } catch (AlreadyDone e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error(
          "{} failed for {} user {}",
          LogText.of(what),
          actor.platform(),
          LogText.of(actor.userId()),
          e);
      return Reply.error(APOLOGY, CommandParser.Verb.HELP.example);
    }
  }

  private Reply route(Actor actor, Command command) {
    return routes
        .handler(command)
        .orElseThrow(() -> new IllegalStateException("no handler for " + command.getClass()))
        .handle(actor, command);
  }

  /**
   * What {@code help} answers: every verb the person may use, with an example, in the order of
   * {@link CommandParser.Verb}; the admin commands only for admins (of the workspace or of a
   * program).
   */
  static Reply help(boolean admin) {
    List<Reply.Field> fields =
        Arrays.stream(CommandParser.Verb.values())
            .filter(v -> admin || !v.adminOnly())
            .map(
                v ->
                    new Reply.Field(
                        "`" + Markup.command(v.example) + "`",
                        admin ? v.summary : v.participantSummary()))
            .toList();
    return Reply.info(
        "*Tandem* runs reverse-mentoring programs right here. Here is what you can ask:", fields);
  }
}
