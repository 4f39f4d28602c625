package io.tandem.core.command;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.HandleMembershipUseCase;
import io.tandem.core.port.in.Reply;
import io.tandem.core.schedule.ScheduledJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Who handles what, in the spirit of Bolt's {@code app.command(…)}, {@code app.blockAction(id, …)}
 * and {@code app.viewSubmission(id, …)}: each {@link Feature} declares its command types, button
 * (action) ids, form ids, scheduled jobs and the few events it listens to. {@link #of} builds the
 * table once at start-up and refuses it, naming what is wrong, when a command type has no handler
 * or anything has two. Registering after that fails too: nothing is wired later.
 */
public final class Routes {

  /** Handles one type of parsed command. */
  @FunctionalInterface
  public interface CommandHandler<C extends Command> {
    Reply handle(Actor actor, C command);
  }

  /** Handles a click on a button with a registered action id. */
  @FunctionalInterface
  public interface ActionHandler {
    Reply clicked(Actor actor, String actionId, String value);
  }

  /** Handles a submitted form with a registered form id. */
  @FunctionalInterface
  public interface FormHandler {
    Reply submitted(Actor actor, String formId, Map<String, String> values);
  }

  private final Set<Class<? extends Command>> types = CommandTypes.all();
  private final Map<Class<? extends Command>, Registered<CommandHandler<Command>>> commands =
      new LinkedHashMap<>();
  private final Ids<ActionHandler> actions = new Ids<>("action id");
  private final Ids<FormHandler> forms = new Ids<>("form id");
  private final Map<String, Registered<ScheduledJob>> jobs = new LinkedHashMap<>();
  private final List<Consumer<Actor>> adminCommands = new ArrayList<>();
  private final Single<Consumer<Actor>> homeOpened = new Single<>("opening the home tab");
  private final Single<BiConsumer<Actor, String>> formClosed = new Single<>("closing a form");
  private final Single<HandleMembershipUseCase> membership =
      new Single<>("members leaving and returning");
  private Predicate<Actor> seesAdminHelp = Actor::admin;
  private String registering = "routing";
  private boolean open = true;

  private Routes() {}

  /**
   * Registers {@code features} in order, with {@code help} from this package, and checks the table.
   *
   * @throws IllegalStateException naming every gap and the first clash: a command type, the home
   *     tab, closing forms or membership without a handler; a command type, action id, form id, job
   *     key or event with two
   */
  public static Routes of(List<? extends Feature> features) {
    Routes routes = new Routes();
    routes.command(
        Command.Help.class,
        (actor, help) -> CommandDispatcher.help(routes.seesAdminHelp.test(actor)));
    for (Feature feature : features) {
      routes.registering = feature.getClass().getSimpleName();
      feature.register(routes);
    }
    routes.registering = null;
    routes.open = false;
    routes.checkComplete();
    return routes;
  }

  /** Handles every command of {@code type} with {@code handler}. */
  public <C extends Command> Routes command(Class<C> type, CommandHandler<? super C> handler) {
    Objects.requireNonNull(handler, "handler");
    requireOpen();
    if (type.isInterface() || !types.contains(type)) {
      throw new IllegalArgumentException(
          name(type) + " is not a command record; register each record of a family on its own");
    }
    Registered<CommandHandler<Command>> before =
        commands.putIfAbsent(
            type, new Registered<>((actor, c) -> handler.handle(actor, type.cast(c)), registering));
    if (before != null) {
      throw clash(name(type), before.by());
    }
    return this;
  }

  /** Handles clicks on buttons whose action id is {@code actionId}. */
  public Routes action(String actionId, ActionHandler handler) {
    requireOpen();
    reserve(actionId);
    actions.exact(actionId, handler, registering);
    return this;
  }

  /** Handles clicks on buttons whose action id starts with {@code prefix}. */
  public Routes actions(String prefix, ActionHandler handler) {
    requireOpen();
    reserve(prefix);
    actions.prefix(prefix, id -> true, handler, registering);
    return this;
  }

  /** Handles the form whose id is {@code formId}. */
  public Routes form(String formId, FormHandler handler) {
    requireOpen();
    forms.exact(formId, handler, registering);
    return this;
  }

  /** Handles the forms whose ids start with {@code prefix}. */
  public Routes forms(String prefix, FormHandler handler) {
    return forms(prefix, id -> true, handler);
  }

  /**
   * Handles the forms whose ids start with {@code prefix} and that {@code accepts}; any other id
   * with that prefix is a form that is no longer active.
   */
  public Routes forms(String prefix, Predicate<String> accepts, FormHandler handler) {
    requireOpen();
    forms.prefix(prefix, accepts, handler, registering);
    return this;
  }

  /** Runs {@code job} on its own schedule while Tandem runs. */
  public Routes job(ScheduledJob job) {
    requireOpen();
    Registered<ScheduledJob> before =
        jobs.putIfAbsent(job.key(), new Registered<>(job, registering));
    if (before != null) {
      throw clash("the job " + job.key(), before.by());
    }
    return this;
  }

  /** Tells {@code listener} of every command an admin sends, after it was handled. */
  public Routes onAdminCommand(Consumer<Actor> listener) {
    requireOpen();
    adminCommands.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Decides who reads the admin commands in {@code help}; by default the workspace admins. The
   * feature that knows about program admins widens it to them.
   */
  public Routes adminHelpFor(Predicate<Actor> seesAdminHelp) {
    requireOpen();
    this.seesAdminHelp = Objects.requireNonNull(seesAdminHelp, "seesAdminHelp");
    return this;
  }

  /** Handles a person opening Tandem's home tab. */
  public Routes onHomeOpened(Consumer<Actor> handler) {
    requireOpen();
    homeOpened.set(handler, registering);
    return this;
  }

  /** Handles a person closing a form without sending it, whichever feature opened it. */
  public Routes onFormClosed(BiConsumer<Actor, String> handler) {
    requireOpen();
    formClosed.set(handler, registering);
    return this;
  }

  /** Handles members leaving the workspace and coming back. */
  public Routes onMembership(HandleMembershipUseCase handler) {
    requireOpen();
    membership.set(handler, registering);
    return this;
  }

  /** The registered jobs, in registration order. */
  public List<ScheduledJob> jobs() {
    return jobs.values().stream().map(Registered::handler).toList();
  }

  Optional<CommandHandler<Command>> handler(Command command) {
    return Optional.ofNullable(commands.get(command.getClass())).map(Registered::handler);
  }

  Optional<ActionHandler> action(String actionId) {
    return actions.find(actionId);
  }

  Optional<FormHandler> form(String formId) {
    return forms.find(formId);
  }

  List<Consumer<Actor>> adminCommandListeners() {
    return adminCommands;
  }

  Consumer<Actor> homeOpened() {
    return homeOpened.get();
  }

  BiConsumer<Actor, String> formClosed() {
    return formClosed.get();
  }

  HandleMembershipUseCase membership() {
    return membership.get();
  }

  private void checkComplete() {
    List<String> gaps = new ArrayList<>();
    String unhandled =
        types.stream()
            .filter(type -> !commands.containsKey(type))
            .map(Routes::name)
            .collect(Collectors.joining(", "));
    if (!unhandled.isEmpty()) {
      gaps.add("no handler for the commands " + unhandled);
    }
    for (Single<?> single : List.of(homeOpened, formClosed, membership)) {
      if (single.get() == null) {
        gaps.add("no handler for " + single.what);
      }
    }
    if (!gaps.isEmpty()) {
      throw new IllegalStateException(
          "Tandem's features are wired incompletely: "
              + String.join("; ", gaps)
              + ". Register the feature that handles them in the composition root.");
    }
  }

  private void requireOpen() {
    if (!open) {
      throw new IllegalStateException(
          "Routes are complete once Tandem has started; register handlers in a Feature");
    }
  }

  private void reserve(String actionId) {
    if (actionId.startsWith(CommandDispatcher.COMMAND_ACTION)
        || CommandDispatcher.COMMAND_ACTION.startsWith(actionId)) {
      throw new IllegalArgumentException(
          "action id "
              + actionId
              + " overlaps "
              + CommandDispatcher.COMMAND_ACTION
              + ", which carries a typed command and is the dispatcher's own");
    }
  }

  private IllegalStateException clash(String what, String before) {
    return new IllegalStateException(
        "Two handlers for " + what + ": " + before + " and " + registering);
  }

  private static String name(Class<?> type) {
    return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
  }

  private record Registered<H>(H handler, String by) {}

  /** One handler for an event, set once. */
  private static final class Single<H> {
    private final String what;
    private Registered<H> registered;

    Single(String what) {
      this.what = what;
    }

    void set(H handler, String by) {
      Objects.requireNonNull(handler, "handler");
      if (registered != null) {
        throw new IllegalStateException(
            "Two handlers for " + what + ": " + registered.by() + " and " + by);
      }
      registered = new Registered<>(handler, by);
    }

    H get() {
      return registered == null ? null : registered.handler();
    }
  }
}
