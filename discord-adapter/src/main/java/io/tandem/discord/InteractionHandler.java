package io.tandem.discord;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.HandleInteractionUseCase;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.IntakeUseCase;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Discord interactions into core {@link Invocation}s and renders the core's {@link Reply}.
 *
 * <p>Runs on JDA's event thread, which it never blocks: the core is always called on the worker
 * executor. Slash commands are deferred (ephemerally) at once and answered by editing the deferred
 * response. Buttons and modal submits get the core's answer directly when it comes within {@link
 * #DIRECT_ANSWER_BUDGET} — which is what lets a button open a form, since a modal must be the first
 * response — and are deferred otherwise.
 */
final class InteractionHandler extends ListenerAdapter {
  static final String FAILURE =
      "Something went wrong on our side; nothing was saved. Try again in a minute.";
  static final String EXPIRED_FORM =
      "That form has expired; run the command again to get a fresh one.";

  static final String RESTARTING = "Tandem is restarting; try again in a minute.";

  static final Duration DIRECT_ANSWER_BUDGET = Duration.ofMillis(1500);

  /** How long an answer through a hook may take before the intake sends it as a DM instead. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(InteractionHandler.class);

  private final HandleCommandUseCase commands;
  private final HandleInteractionUseCase interactions;
  private final DiscordActors actors;
  private final Executor workers;
  private final FormShelf shelf;
  private final Metrics metrics;
  private final IntakeUseCase intake;
  private final Clock clock;

  /** Deferred commands of this run by delivery key, until the intake answers them. */
  private final Map<String, InteractionHook> live = new ConcurrentHashMap<>();

  InteractionHandler(
      HandleCommandUseCase commands,
      HandleInteractionUseCase interactions,
      DiscordActors actors,
      Executor workers,
      FormShelf shelf,
      Metrics metrics,
      IntakeUseCase intake,
      Clock clock) {
    this.intake = intake;
    this.clock = clock;
    this.commands = commands;
    this.interactions = interactions;
    this.actors = actors;
    this.workers = workers;
    this.shelf = shelf;
    this.metrics = metrics;
  }

  /**
   * Reports the acknowledgement of an interaction received at {@code started} (nanoTime) once
   * Discord confirmed it: the figure includes the callback's round trip.
   */
  private <T> Consumer<T> acknowledged(String kind, long started) {
    return done ->
        metrics.acknowledged(Platform.DISCORD, kind, Duration.ofNanos(System.nanoTime() - started));
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    if (!TandemCommand.NAME.equals(event.getName())) {
      return;
    }
    long started = System.nanoTime();
    Invocation invocation;
    try {
      invocation =
          new Invocation(
              actors.actorOf(event), event.getChannelId(), TandemCommand.coreText(event));
    } catch (RuntimeException e) {
      LOG.error("Could not read /{} from user {}", event.getName(), event.getUser().getId(), e);
      event.reply(FAILURE).setEphemeral(true).queue(null, failed("answer a broken command"));
      return;
    }
    if (intake != null) {
      acceptCommand(event, invocation, started);
      return;
    }
    event
        .deferReply(true)
        .queue(acknowledged("command", started), failed("defer /tandem " + invocation.text()));
    InteractionHook hook = event.getHook();
    CompletableFuture.supplyAsync(() -> commands.handle(invocation), workers)
        .whenComplete((reply, error) -> followUp(hook, invocation, reply, error));
  }

  /**
   * Stores the command in the intake (on a worker: the insert never blocks JDA's event thread), and
   * only then defers it; the intake runs it and answers through {@link #answers}. A repeated
   * interaction id is ignored; while Tandem stops the person is told to try again.
   */
  private void acceptCommand(
      SlashCommandInteractionEvent event, Invocation invocation, long started) {
    Actor actor = invocation.actor();
    InboundRequest request =
        new InboundRequest(
            Platform.DISCORD,
            "discord:" + event.getId(),
            InboundRequest.Kind.COMMAND,
            actor.workspaceId(),
            actor.userId(),
            actor.displayName(),
            actor.timeZone(),
            actor.admin(),
            invocation.channelId(),
            invocation.text(),
            null,
            Map.of(),
            event.getToken(),
            clock.instant());
    // the hook waits for the deferral before it sends an answer the intake may have ready first
    live.put(request.deliveryKey(), event.getHook());
    workers.execute(
        () -> {
          switch (intake.accept(request)) {
            case ACCEPTED ->
                event
                    .deferReply(true)
                    .queue(
                        acknowledged("command", started),
                        failed("defer /tandem " + invocation.text()));
            case DUPLICATE -> live.remove(request.deliveryKey());
            case REFUSED -> {
              live.remove(request.deliveryKey());
              event.reply(RESTARTING).setEphemeral(true).queue(null, failed("refuse a command"));
            }
          }
        });
  }

  /**
   * Discord's side of the intake: answers a stored command by editing its deferred response,
   * through the live hook, or after a restart through one rebuilt from the interaction token.
   *
   * @return whether Discord took the answer
   */
  boolean answer(InboundRequest request, Reply reply, JDA jda) {
    InteractionHook hook = live.remove(request.deliveryKey());
    if (hook == null) {
      hook = InteractionHook.from(jda, request.replyAddress());
    }
    Invocation invocation =
        new Invocation(request.actor(null, false), request.channelId(), request.name());
    try {
      followUp(hook, invocation, reply, null).get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.warn("Discord did not take the answer to {}: {}", request.deliveryKey(), e.toString());
      return false;
    }
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    String customId = event.getComponentId();
    int separator = customId.indexOf(ReplyRenderer.BUTTON_ID_SEPARATOR);
    String action = separator < 0 ? customId : customId.substring(0, separator);
    String value = separator < 0 ? "" : customId.substring(separator + 1);
    if (FormShelf.OPEN_FORM_ACTION.equals(action)) {
      shelf
          .take(value)
          .ifPresentOrElse(
              form ->
                  event.replyModal(ReplyRenderer.modal(form)).queue(null, failed("open a form")),
              () -> event.reply(EXPIRED_FORM).setEphemeral(true).queue(null, failed("answer")));
      return;
    }
    answerDirectlyOrDefer(
        event,
        "action",
        "click " + action,
        actor -> interactions.clicked(actor, event.getChannelId(), action, value));
  }

  /** A submitted form goes to the core with each input's id and value. */
  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    Map<String, String> values = new LinkedHashMap<>();
    for (ModalMapping mapping : event.getValues()) {
      String text = mapping.getAsString();
      if (text != null && !text.isBlank()) {
        values.put(mapping.getCustomId(), text.strip());
      }
    }
    answerDirectlyOrDefer(
        event,
        "form",
        "form " + event.getModalId(),
        actor -> interactions.submitted(actor, event.getChannelId(), event.getModalId(), values));
  }

  private void answerDirectlyOrDefer(
      IReplyCallback event, String kind, String what, Function<Actor, Reply> call) {
    long started = System.nanoTime();
    Actor actor;
    try {
      actor = actors.actorOf(event);
    } catch (RuntimeException e) {
      LOG.error("Could not read an interaction from user {}", event.getUser().getId(), e);
      event.reply(FAILURE).setEphemeral(true).queue(null, failed("answer a broken interaction"));
      return;
    }
    Invocation invocation = new Invocation(actor, event.getChannelId(), what);
    AtomicBoolean acknowledged = new AtomicBoolean();
    CompletableFuture<Reply> work = CompletableFuture.supplyAsync(() -> call.apply(actor), workers);
    work.whenComplete(
        (reply, error) -> {
          if (acknowledged.compareAndSet(false, true)) {
            answerDirectly(event, invocation, reply, error, acknowledged(kind, started));
          }
        });
    CompletableFuture.delayedExecutor(
            DIRECT_ANSWER_BUDGET.toMillis(), TimeUnit.MILLISECONDS, workers)
        .execute(
            () -> {
              if (acknowledged.compareAndSet(false, true)) {
                event
                    .deferReply(true)
                    .queue(acknowledged(kind, started), failed("defer " + invocation.text()));
                InteractionHook hook = event.getHook();
                work.whenComplete((reply, error) -> followUp(hook, invocation, reply, error));
              }
            });
  }

  private void answerDirectly(
      IReplyCallback event,
      Invocation invocation,
      Reply reply,
      Throwable error,
      Consumer<Object> onAcknowledged) {
    try {
      if (error != null) {
        LOG.error("The core failed on '{}'", invocation.text(), error);
        event.reply(FAILURE).setEphemeral(true).queue(null, failed("report a failure"));
      } else if (reply.form() != null
          && event instanceof IModalCallback modalCallback
          && !(event instanceof ModalInteractionEvent)) {
        modalCallback
            .replyModal(ReplyRenderer.modal(reply.form()))
            .queue(onAcknowledged::accept, failed("open form " + reply.form().formId()));
      } else {
        event
            .reply(ReplyRenderer.create(shelveForm(reply)))
            .setEphemeral(reply.isPrivate())
            .queue(onAcknowledged::accept, failed("answer '" + invocation.text() + "'"));
      }
    } catch (RuntimeException e) {
      LOG.error("Could not render the answer to '{}'", invocation.text(), e);
      event.reply(FAILURE).setEphemeral(true).queue(null, failed("report a failure"));
    }
  }

  /**
   * Answers after a deferral (which was ephemeral, so private replies edit the deferred one).
   *
   * @return done when Discord took the answer, failed when it refused it
   */
  private CompletableFuture<?> followUp(
      InteractionHook hook, Invocation invocation, Reply answer, Throwable error) {
    if (error != null) {
      LOG.error("The core failed on '{}'", invocation.text(), error);
      return logged(hook.editOriginal(FAILURE).submit(), "report a failure");
    }
    try {
      Reply reply = shelveForm(answer);
      if (reply.isPrivate()) {
        return logged(
            hook.editOriginal(ReplyRenderer.edit(reply)).submit(),
            "answer '" + invocation.text() + "'");
      }
      return logged(
          hook.deleteOriginal()
              .submit()
              .thenCompose(
                  done ->
                      hook.sendMessage(ReplyRenderer.create(reply)).setEphemeral(false).submit()),
          "answer '" + invocation.text() + "' publicly");
    } catch (RuntimeException e) {
      LOG.error("Could not render the answer to '{}'", invocation.text(), e);
      return logged(hook.editOriginal(FAILURE).submit(), "report a failure");
    }
  }

  private static <T> CompletableFuture<T> logged(CompletableFuture<T> sent, String what) {
    sent.whenComplete(
        (done, error) -> {
          if (error != null) {
            failed(what).accept(error);
          }
        });
    return sent;
  }

  /** A form that cannot open now goes behind an "open the form" button. */
  private Reply shelveForm(Reply reply) {
    return reply.form() == null ? reply : shelf.shelve(reply);
  }

  private static Consumer<Throwable> failed(String what) {
    return error -> LOG.warn("Discord refused to {}: {}", what, error.toString());
  }
}
