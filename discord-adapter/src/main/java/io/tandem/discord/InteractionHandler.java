package io.tandem.discord;

import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
  static final String INACTIVE_BUTTON = "That button is not active yet.";

  /** Buttons whose action id is this carry core text as their value: {@code command:status}. */
  static final String COMMAND_ACTION = "command";

  static final Duration DIRECT_ANSWER_BUDGET = Duration.ofMillis(1500);

  private static final Logger LOG = LoggerFactory.getLogger(InteractionHandler.class);

  private final HandleCommandUseCase useCase;
  private final DiscordActors actors;
  private final Executor workers;

  InteractionHandler(HandleCommandUseCase useCase, DiscordActors actors, Executor workers) {
    this.useCase = useCase;
    this.actors = actors;
    this.workers = workers;
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    if (!TandemCommand.NAME.equals(event.getName())) {
      return;
    }
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
    event.deferReply(true).queue(null, failed("defer /tandem " + invocation.text()));
    InteractionHook hook = event.getHook();
    CompletableFuture.supplyAsync(() -> useCase.handle(invocation), workers)
        .whenComplete((reply, error) -> followUp(hook, invocation, reply, error));
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    String customId = event.getComponentId();
    int separator = customId.indexOf(ReplyRenderer.BUTTON_ID_SEPARATOR);
    String action = separator < 0 ? customId : customId.substring(0, separator);
    String value = separator < 0 ? "" : customId.substring(separator + 1);
    if (!COMMAND_ACTION.equals(action) || value.isBlank()) {
      event.reply(INACTIVE_BUTTON).setEphemeral(true).queue(null, failed("answer a button"));
      return;
    }
    answerDirectlyOrDefer(event, value);
  }

  /** A submitted form becomes its form id followed by the values in input order. */
  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    List<String> words = new ArrayList<>();
    words.add(event.getModalId());
    for (ModalMapping mapping : event.getValues()) {
      String text = mapping.getAsString();
      if (text != null && !text.isBlank()) {
        words.add(text.strip());
      }
    }
    answerDirectlyOrDefer(event, String.join(" ", words));
  }

  private void answerDirectlyOrDefer(IReplyCallback event, String text) {
    Invocation invocation;
    try {
      invocation = new Invocation(actors.actorOf(event), event.getChannelId(), text);
    } catch (RuntimeException e) {
      LOG.error("Could not read an interaction from user {}", event.getUser().getId(), e);
      event.reply(FAILURE).setEphemeral(true).queue(null, failed("answer a broken interaction"));
      return;
    }
    AtomicBoolean acknowledged = new AtomicBoolean();
    CompletableFuture<Reply> work =
        CompletableFuture.supplyAsync(() -> useCase.handle(invocation), workers);
    work.whenComplete(
        (reply, error) -> {
          if (acknowledged.compareAndSet(false, true)) {
            answerDirectly(event, invocation, reply, error);
          }
        });
    CompletableFuture.delayedExecutor(
            DIRECT_ANSWER_BUDGET.toMillis(), TimeUnit.MILLISECONDS, workers)
        .execute(
            () -> {
              if (acknowledged.compareAndSet(false, true)) {
                event.deferReply(true).queue(null, failed("defer " + invocation.text()));
                InteractionHook hook = event.getHook();
                work.whenComplete((reply, error) -> followUp(hook, invocation, reply, error));
              }
            });
  }

  private void answerDirectly(
      IReplyCallback event, Invocation invocation, Reply reply, Throwable error) {
    try {
      if (error != null) {
        LOG.error("The core failed on '{}'", invocation.text(), error);
        event.reply(FAILURE).setEphemeral(true).queue(null, failed("report a failure"));
      } else if (reply.form() != null && event instanceof IModalCallback modalCallback) {
        modalCallback
            .replyModal(ReplyRenderer.modal(reply.form()))
            .queue(null, failed("open form " + reply.form().formId()));
      } else {
        event
            .reply(ReplyRenderer.create(reply))
            .setEphemeral(reply.isPrivate())
            .queue(null, failed("answer '" + invocation.text() + "'"));
      }
    } catch (RuntimeException e) {
      LOG.error("Could not render the answer to '{}'", invocation.text(), e);
      event.reply(FAILURE).setEphemeral(true).queue(null, failed("report a failure"));
    }
  }

  /** Answers after a deferral (which was ephemeral, so private replies edit the deferred one). */
  private void followUp(InteractionHook hook, Invocation invocation, Reply reply, Throwable error) {
    if (error != null) {
      LOG.error("The core failed on '{}'", invocation.text(), error);
      hook.editOriginal(FAILURE).queue(null, failed("report a failure"));
      return;
    }
    try {
      if (reply.form() != null) {
        LOG.warn(
            "Form {} cannot open after a deferral; showing the message only",
            reply.form().formId());
      }
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
      LOG.error("Could not render the answer to '{}'", invocation.text(), e);
      hook.editOriginal(FAILURE).queue(null, failed("report a failure"));
    }
  }

  private static Consumer<Throwable> failed(String what) {
    return error -> LOG.warn("Discord refused to {}: {}", what, error.toString());
  }
}
