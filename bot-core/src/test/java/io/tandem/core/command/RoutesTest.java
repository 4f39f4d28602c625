package io.tandem.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.HandleMembershipUseCase;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.Metrics;
import io.tandem.core.reminders.ReminderCommands;
import io.tandem.core.schedule.Schedule;
import io.tandem.core.schedule.ScheduledJob;
import io.tandem.core.surveys.SurveyCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The routing table on its own, with features made of canned replies: what it refuses at start-up,
 * and how the dispatcher looks a command, a button or a form up in it.
 */
class RoutesTest {

  static final Actor ANA = new Actor(Platform.SLACK, "T1", "U0ANA", "Ana", "Europe/Berlin", false);
  static final Actor MAYA = new Actor(Platform.SLACK, "T1", "U0MAYA", "Maya", "UTC", true);

  /**
   * Answers every command but {@code except} with its record's simple name, and handles the
   * required events.
   */
  static final class Everything implements Feature {
    private final Set<Class<?>> except;

    Everything(Class<?>... except) {
      this.except = Set.of(except);
    }

    @Override
    public void register(Routes routes) {
      for (Class<? extends Command> type : CommandTypes.all()) {
        if (type != Command.Help.class && !except.contains(type)) {
          answerWithName(routes, type);
        }
      }
      routes
          .onHomeOpened(actor -> {})
          .onFormClosed((actor, formId) -> {})
          .onMembership(HandleMembershipUseCase.NONE);
    }

    private static <C extends Command> void answerWithName(Routes routes, Class<C> type) {
      routes.command(type, (actor, command) -> said(type.getSimpleName()));
    }
  }

  /** A second feature that claims the {@code status} command too. */
  static final class AnotherStatus implements Feature {
    @Override
    public void register(Routes routes) {
      routes.command(Command.Status.class, (actor, status) -> said("mine"));
    }
  }

  @Test
  @DisplayName("every command record, including the families sealed in feature packages, is known")
  void commandTypesReachIntoFeatureFamilies() {
    assertThat(CommandTypes.all())
        .contains(
            Command.Join.class,
            Command.Help.class,
            SurveyCommand.Send.class,
            ReminderCommands.Nudge.class,
            io.tandem.core.privacy.PrivacyCommand.Forget.class)
        .allMatch(Class::isRecord);
  }

  @Test
  @DisplayName("a registry without handlers refuses to start and names what is missing")
  void incompleteRegistryFailsAtConstruction() {
    assertThatThrownBy(() -> Routes.of(List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Tandem's features are wired incompletely")
        .hasMessageContaining("Command.Join")
        .hasMessageContaining("SurveyCommand.Send")
        .hasMessageContaining("ReminderCommands.Pause")
        .hasMessageContaining("PrivacyCommand.MyData")
        .hasMessageContaining("opening the home tab")
        .hasMessageContaining("members leaving and returning")
        // help belongs to the command package itself
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Command.Help"));
  }

  @Test
  @DisplayName("one feature missing one command is enough to refuse")
  void oneMissingCommandFails() {
    assertThatThrownBy(() -> Routes.of(List.of(new Everything(Command.ListTasks.class))))
        .hasMessageContaining("no handler for the commands Command.ListTasks.");
  }

  @Test
  @DisplayName("two handlers for one command refuse to start, naming both features")
  void twoHandlersForOneCommandFail() {
    assertThatThrownBy(() -> Routes.of(List.of(new Everything(), new AnotherStatus())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Two handlers for Command.Status: Everything and AnotherStatus");
  }

  @Test
  @DisplayName("button and form ids reach one handler: exact twice, or a prefix covering, fails")
  void overlappingIdsFail() {
    Routes.ActionHandler click = (actor, id, value) -> said("clicked");
    Routes.FormHandler form = (actor, id, values) -> said("sent");
    assertThatThrownBy(
            () -> withEverything(r -> r.action("pair.meet", click).action("pair.meet", click)))
        .hasMessageContaining("Two handlers for action id pair.meet");
    assertThatThrownBy(
            () -> withEverything(r -> r.actions("survey.", click).action("survey.x", click)))
        .hasMessageContaining("Two handlers for action id survey.x");
    assertThatThrownBy(() -> withEverything(r -> r.form("log:edit:1", form).forms("log:", form)))
        .hasMessageContaining("Two handlers for form ids starting with log:");
    assertThatThrownBy(() -> withEverything(r -> r.actions("comm", click)))
        .hasMessageContaining("the dispatcher's own");
  }

  @Test
  @DisplayName("two jobs with one key, or a second home tab handler, fail")
  void duplicateJobsAndEventsFail() {
    ScheduledJob job = job("reminders");
    assertThatThrownBy(() -> withEverything(r -> r.job(job).job(job("reminders"))))
        .hasMessageContaining("Two handlers for the job reminders");
    assertThatThrownBy(() -> withEverything(r -> r.onHomeOpened(actor -> {})))
        .hasMessageContaining("Two handlers for opening the home tab");
    assertThat(withEverything(r -> r.job(job)).jobs()).containsExactly(job);
  }

  @Test
  @DisplayName("nothing can be registered once the routes are complete")
  void noRegistrationAfterStart() {
    List<Routes> kept = new ArrayList<>();
    withEverything(kept::add);
    assertThatThrownBy(() -> kept.get(0).action("late", (actor, id, value) -> said("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("register handlers in a Feature");
  }

  @Test
  @DisplayName("commands, buttons and forms reach the handler registered for them")
  void dispatchIsALookup() {
    CommandDispatcher dispatcher =
        new CommandDispatcher(
            withEverything(
                r ->
                    r.action("pair.meet", (actor, id, value) -> said("meet " + value))
                        .forms(
                            "about:",
                            id -> id.split(":").length == 3,
                            (actor, id, values) -> said("form " + id))),
            Metrics.NONE);

    assertThat(dispatcher.handle(new Invocation(ANA, "C1", "goal list")).text())
        .isEqualTo("ListGoals");
    assertThat(dispatcher.clicked(ANA, "C1", CommandDispatcher.COMMAND_ACTION, "status").text())
        .isEqualTo("Status");
    assertThat(dispatcher.clicked(ANA, "C1", "pair.meet", "call").text()).isEqualTo("meet call");
    assertThat(dispatcher.submitted(ANA, "C1", "about:default:MENTEE", Map.of()).text())
        .isEqualTo("form about:default:MENTEE");
    assertThat(dispatcher.submitted(ANA, "C1", "about:broken", Map.of()).text())
        .startsWith("That form is no longer active.");
    assertThat(dispatcher.submitted(ANA, "C1", "goal:gone", Map.of()).text())
        .startsWith("That form is no longer active.");
    assertThat(dispatcher.clicked(ANA, "C1", "pair.gone", "x").text())
        .startsWith("That button is no longer active.");
    assertThat(dispatcher.handle(new Invocation(MAYA, "C1", "help")).fields())
        .hasSize(CommandParser.Verb.values().length);
    assertThat(dispatcher.handle(new Invocation(ANA, "C1", "help")).fields())
        .hasSizeLessThan(CommandParser.Verb.values().length)
        .anyMatch(f -> f.label().contains("log"))
        .noneMatch(f -> f.value().startsWith("admins:"));
  }

  @Test
  @DisplayName("admins' commands are reported to the listeners after they ran; others' are not")
  void adminListenersHearAdminsOnly() {
    List<String> heard = new ArrayList<>();
    CommandDispatcher dispatcher =
        new CommandDispatcher(
            withEverything(r -> r.onAdminCommand(actor -> heard.add(actor.userId()))),
            Metrics.NONE);

    dispatcher.handle(new Invocation(ANA, "C1", "status"));
    dispatcher.handle(new Invocation(MAYA, "C1", "status"));

    assertThat(heard).containsExactly("U0MAYA");
  }

  @Test
  @DisplayName("a handler that throws becomes the apology, and nothing escapes the dispatcher")
  void failingHandlerApologises() {
    Feature failingStatus =
        routes ->
            routes.command(
                Command.Status.class,
                (actor, status) -> {
                  throw new IllegalStateException("database gone");
                });
    CommandDispatcher dispatcher =
        new CommandDispatcher(
            Routes.of(List.of(new Everything(Command.Status.class), failingStatus)), Metrics.NONE);

    Reply reply = dispatcher.handle(new Invocation(ANA, "C1", "status"));

    assertThat(reply.kind()).isEqualTo(Reply.Kind.ERROR);
    assertThat(reply.text()).startsWith("Something went wrong on our side and nothing was saved.");
  }

  private static Routes withEverything(java.util.function.Consumer<Routes> more) {
    Feature rest = more::accept;
    return Routes.of(List.of(new Everything(), rest));
  }

  private static Reply said(String text) {
    return Reply.success(text, List.of());
  }

  private static ScheduledJob job(String key) {
    return new ScheduledJob() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public Schedule schedule() {
        return new Schedule.Every(Duration.ofMinutes(1), Schedule.Misfire.SKIP_TO_NEXT);
      }

      @Override
      public void run(Instant firedAt) {}
    };
  }
}
