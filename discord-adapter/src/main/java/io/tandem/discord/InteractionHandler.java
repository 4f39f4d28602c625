package io.tandem.discord;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.HandleInteractionUseCase;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.Metrics;
import io.tandem.core.util.LogText;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
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

  static final Duration DIRECT_ANSWER_BUDGET = Duration.ofMillis(1500);

  private static final Logger LOG = LoggerFactory.getLogger(InteractionHandler.class);

  private final HandleCommandUseCase commands;
  private final HandleInteractionUseCase interactions;
  private final DiscordActors actors;
  private final Executor workers;
  private final FormShelf shelf;
  private final Metrics metrics;

  InteractionHandler(
      HandleCommandUseCase commands,
      HandleInteractionUseCase interactions,
      DiscordActors actors,
      Executor workers,
      FormShelf shelf,
      Metrics metrics) {
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
    if (!TandemCommand.isTandem(event.getName())) {
      return;
    }
    long started = System.nanoTime();
    Invocation invocation;
    try {
      invocation =
          new Invocation(
              actors.actorOf(event), event.getChannelId(), TandemCommand.coreText(event));
    } catch (DiscordActors.Refused refused) {
      event.reply(refused.getMessage()).setEphemeral(true).queue(null, failed("refuse a command"));
      return;
    } catch (RuntimeException e) {
      LOG.error("Could not read /{} from user {}", event.getName(), event.getUser().getId(), e);
      event.reply(FAILURE).setEphemeral(true).queue(null, failed("answer a broken command"));
      return;
    }
    event
        .deferReply(true)
        .queue(acknowledged("command", started), failed("defer /tandem " + invocation.text()));
    InteractionHook hook = event.getHook();
    CompletableFuture.supplyAsync(() -> commands.handle(invocation), workers)
        .whenComplete((reply, error) -> followUp(hook, invocation, reply, error));
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
    } catch (DiscordActors.Refused refused) {
      event.reply(refused.getMessage()).setEphemeral(true).queue(null, failed("refuse " + kind));
      return;
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
        LOG.error("The core failed on '{}'", LogText.of(invocation.text()), error);
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
      LOG.error("Could not render the answer to '{}'", LogText.of(invocation.text()), e);
      event.reply(FAILURE).setEphemeral(true).queue(null, failed("report a failure"));
    }
  }

  /** Answers after a deferral (which was ephemeral, so private replies edit the deferred one). */
  private void followUp(
      InteractionHook hook, Invocation invocation, Reply answer, Throwable error) {
    if (error != null) {
      LOG.error("The core failed on '{}'", LogText.of(invocation.text()), error);
      hook.editOriginal(FAILURE).queue(null, failed("report a failure"));
      return;
    }
    try {
      Reply reply = shelveForm(answer);
      if (reply.isPrivate()) {
        hook.editOriginal(ReplyRenderer.edit(reply))
            .queue(null, failed("answer '" + invocation.text() + "'"));
      } else {
        hook.deleteOriginal()
            .queue(
                done ->
                    hook.sendMessage(ReplyRenderer.create(reply))
                        .setEphemeral(false)
                        .queue(null, failed("answer '" + invocation.text() + "' publicly")),
                failed("replace the deferred answer"));
      }
    } catch (RuntimeException e) {
      LOG.error("Could not render the answer to '{}'", LogText.of(invocation.text()), e);
      hook.editOriginal(FAILURE).queue(null, failed("report a failure"));
    }
  }

  /** A form that cannot open now goes behind an "open the form" button. */
  private Reply shelveForm(Reply reply) {
    return reply.form() == null ? reply : shelf.shelve(reply);
  }

  private static Consumer<Throwable> failed(String what) {
    return error -> LOG.warn("Discord refused to {}: {}", LogText.of(what), LogText.of(error));
  }
}
