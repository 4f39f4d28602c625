package io.tandem.discord;

import io.tandem.core.kernel.LogText;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.IntakeUseCase;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
 * Turns Discord interactions into {@link InboundRequest}s for the intake and delivers the answers
 * the intake hands back ({@link #answer}).
 *
 * <p>Runs on JDA's event thread, which it never blocks: the intake is called on the worker
 * executor, and nothing is acknowledged before what it stores is committed. A quick slash command
 * runs there ({@link IntakeUseCase#acceptOrAnswer}) and its answer is the interaction's initial
 * response: a message, ephemeral unless the reply is public (a form behind its button). Discord
 * takes that response within 3 seconds of the interaction and only once (a second gets 40060), so a
 * quick command that finds no turn, and every long one, is stored, deferred (ephemerally) and
 * answered by editing the deferred response. Buttons and modal submits get the answer directly when
 * it comes within {@link #DIRECT_ANSWER_BUDGET} of their arrival — which is what lets a button open
 * a form, since a modal must be the first response — and are deferred otherwise. After a restart
 * the intake answers through a hook rebuilt from the stored token.
 */
final class InteractionHandler extends ListenerAdapter {
  static final String FAILURE =
      "Something went wrong on our side; nothing was saved. Try again in a minute.";
  static final String EXPIRED_FORM =
      "That form has expired; run the command again to get a fresh one.";
  static final String RESTARTING = "Tandem is restarting; try again in a minute.";

  static final Duration DIRECT_ANSWER_BUDGET = Duration.ofMillis(1500);

  /** How long an answer may take before the intake sends it as a direct message instead. */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(InteractionHandler.class);

  private final IntakeUseCase intake;
  private final DiscordActors actors;
  private final Executor workers;
  private final FormShelf shelf;
  private final Metrics metrics;
  private final Clock clock;
  private final RecentInteractions recent;

  /** Interactions of this run by delivery key, until the intake answers them. */
  private final Map<String, Live> live = new ConcurrentHashMap<>();

  /**
   * An interaction this run received: how to answer it directly, and whether it was acknowledged
   * (answered directly or deferred) already.
   */
  private record Live(
      IReplyCallback event, String kind, long started, AtomicBoolean acknowledged) {}

  InteractionHandler(
      IntakeUseCase intake,
      DiscordActors actors,
      Executor workers,
      FormShelf shelf,
      Metrics metrics,
      Clock clock) {
    this.intake = intake;
    this.actors = actors;
    this.workers = workers;
    this.shelf = shelf;
    this.metrics = metrics;
    this.clock = clock;
    this.recent = new RecentInteractions();
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
    if (!TandemCommand.isTandem(event.getName()) || isRepeat(event)) {
      return;
    }
    long started = System.nanoTime();
    InboundRequest request;
    try {
      request =
          actors.requestOf(
              event,
              clock.instant(),
              InboundRequest.Kind.COMMAND,
              TandemCommand.coreText(event),
              null,
              Map.of(),
              TandemCommand.mentions(event));
    } catch (DiscordActors.Refused refused) {
      event.reply(refused.getMessage()).setEphemeral(true).queue(null, failed("refuse a command"));
      return;
    } catch (RuntimeException e) {
      LOG.error("Could not read /{} from user {}", event.getName(), event.getUser().getId(), e);
      event.reply(FAILURE).setEphemeral(true).queue(null, failed("answer a broken command"));
      return;
    }
    Live command = new Live(event, "command", started, new AtomicBoolean());
    take(
        request,
        command,
        // every answer fits the initial response, a form as its button
        () -> intake.acceptOrAnswer(request, reply -> true),
        () -> {
          if (command.acknowledged().compareAndSet(false, true)) {
            event
                .deferReply(true)
                .queue(acknowledged("command", started), failed("defer /tandem " + request.name()));
          }
        });
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    if (isRepeat(event)) {
      return;
    }
    String customId = event.getComponentId();
    int separator = customId.indexOf(ReplyRenderer.BUTTON_ID_SEPARATOR);
    String action = separator < 0 ? customId : customId.substring(0, separator);
    String value = separator < 0 ? "" : customId.substring(separator + 1);
    if (FormShelf.OPEN_FORM_ACTION.equals(action)) {
      // opens a form this run shelved: no effect to store
      shelf
          .take(value)
          .ifPresentOrElse(
              form ->
                  event.replyModal(ReplyRenderer.modal(form)).queue(null, failed("open a form")),
              () -> event.reply(EXPIRED_FORM).setEphemeral(true).queue(null, failed("answer")));
      return;
    }
    // a command button rendered before Tandem wrote its own plain mentions may hold Discord's
    acceptDirectlyAnswered(
        event,
        "action",
        InboundRequest.Kind.CLICK,
        action,
        value,
        Map.of(),
        DiscordText.mentions(value));
  }

  /** A submitted form goes to the core with each input's id and value. */
  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    if (isRepeat(event)) {
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (ModalMapping mapping : event.getValues()) {
      String text = mapping.getAsString();
      if (text != null && !text.isBlank()) {
        values.put(mapping.getCustomId(), text.strip());
      }
    }
    acceptDirectlyAnswered(
        event, "form", InboundRequest.Kind.FORM, event.getModalId(), null, values, Map.of());
  }

  /** An interaction this run received before gets no second response (Discord would refuse it). */
  private boolean isRepeat(IReplyCallback event) {
    if (recent.firstArrival(event.getId())) {
      return false;
    }
    LOG.debug("Interaction {} arrived again; its first arrival answers it", event.getId());
    return true;
  }

  /**
   * Stores a click or a form and leaves the answer to come directly; if it has not come within
   * {@link #DIRECT_ANSWER_BUDGET} of the interaction's arrival, defers it (ephemerally).
   */
  private void acceptDirectlyAnswered(
      IReplyCallback event,
      String kind,
      InboundRequest.Kind requestKind,
      String name,
      String value,
      Map<String, String> values,
      Map<String, String> mentions) {
    long started = System.nanoTime();
    InboundRequest request;
    try {
      request =
          actors.requestOf(event, clock.instant(), requestKind, name, value, values, mentions);
    } catch (DiscordActors.Refused refused) {
      event.reply(refused.getMessage()).setEphemeral(true).queue(null, failed("refuse " + kind));
      return;
    } catch (RuntimeException e) {
      LOG.error("Could not read an interaction from user {}", event.getUser().getId(), e);
      event.reply(FAILURE).setEphemeral(true).queue(null, failed("answer a broken interaction"));
      return;
    }
    Live interaction = new Live(event, kind, started, new AtomicBoolean());
    take(
        request,
        interaction,
        () -> new IntakeUseCase.Taken(intake.accept(request), Optional.empty()),
        () -> {
          long left = DIRECT_ANSWER_BUDGET.toNanos() - (System.nanoTime() - started);
          CompletableFuture.delayedExecutor(Math.max(0, left), TimeUnit.NANOSECONDS, workers)
              .execute(
                  () -> {
                    if (interaction.acknowledged().compareAndSet(false, true)) {
                      event
                          .deferReply(true)
                          .queue(acknowledged(kind, started), failed("defer " + name));
                    }
                  });
        });
  }

  /**
   * Hands the request to the intake on a worker ({@code taking}); an answer it gives back is the
   * initial response, and without one the interaction is acknowledged as {@code unanswered} says. A
   * repeat gets the answer its first delivery got, which Discord refuses (40060) if that one
   * reached it, so it has no second effect and no second response; while Tandem stops the person is
   * told to try again.
   */
  private void take(
      InboundRequest request,
      Live interaction,
      Supplier<IntakeUseCase.Taken> taking,
      Runnable unanswered) {
    // registered first: the intake may have the answer before the acknowledgement is sent
    live.put(request.deliveryKey(), interaction);
    workers.execute(
        () -> {
          try {
            IntakeUseCase.Taken taken = taking.get();
            switch (taken.acceptance()) {
              case ACCEPTED ->
                  taken.inAck().ifPresentOrElse(reply -> answerNow(request, reply), unanswered);
              case DUPLICATE ->
                  taken
                      .inAck()
                      .ifPresentOrElse(
                          reply -> answerNow(request, reply),
                          () -> live.remove(request.deliveryKey()));
              case REFUSED -> {
                live.remove(request.deliveryKey());
                interaction
                    .event()
                    .reply(RESTARTING)
                    .setEphemeral(true)
                    .queue(null, failed("turn away a request while stopping"));
              }
            }
          } catch (RuntimeException e) {
            live.remove(request.deliveryKey());
            LOG.error("Could not store interaction {}", request.deliveryKey(), e);
            interaction
                .event()
                .reply(FAILURE)
                .setEphemeral(true)
                .queue(null, failed("report a failure"));
          }
        });
  }

  /** Sends the answer the intake gave back as the interaction's initial response. */
  private void answerNow(InboundRequest request, Reply reply) {
    Live interaction = live.remove(request.deliveryKey());
    if (interaction != null && interaction.acknowledged().compareAndSet(false, true)) {
      answerDirectly(interaction, request, reply);
    }
  }

  /**
   * Delivers the intake's answer: directly when the interaction is still unacknowledged (a modal
   * when the answer is a form), else by editing the deferred response, through the live hook or,
   * after a restart, one rebuilt from the stored token.
   *
   * @return whether Discord took the answer
   */
  boolean answer(InboundRequest request, Reply reply, JDA jda) {
    Live interaction = live.remove(request.deliveryKey());
    CompletableFuture<?> sent;
    if (interaction != null && interaction.acknowledged().compareAndSet(false, true)) {
      sent = answerDirectly(interaction, request, reply);
    } else {
      InteractionHook hook =
          interaction != null
              ? interaction.event().getHook()
              : InteractionHook.from(jda, request.replyAddress());
      sent = followUp(hook, request, reply);
    }
    try {
      sent.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Discord did not take the answer to {}: {}", request.deliveryKey(), e.toString());
      return false;
    }
  }

  private CompletableFuture<?> answerDirectly(
      Live interaction, InboundRequest request, Reply reply) {
    IReplyCallback event = interaction.event();
    Consumer<Object> onAcknowledged = acknowledged(interaction.kind(), interaction.started());
    CompletableFuture<?> sent;
    // a slash command's form stays behind its button, as a long (deferred) command's must, so
    // quick and long commands show forms alike
    if (reply.form() != null
        && event instanceof IModalCallback modalCallback
        && !(event instanceof ModalInteractionEvent)
        && !(event instanceof SlashCommandInteractionEvent)) {
      sent = modalCallback.replyModal(ReplyRenderer.modal(reply.form())).submit();
    } else {
      sent =
          event
              .reply(ReplyRenderer.create(shelveForm(reply)))
              .setEphemeral(reply.isPrivate())
              .submit();
    }
    return logged(sent.thenAccept(onAcknowledged), "answer " + request.deliveryKey());
  }

  /**
   * Answers after a deferral (which was ephemeral, so private replies edit the deferred one).
   *
   * @return done when Discord took the answer, failed when it refused it
   */
  private CompletableFuture<?> followUp(
      InteractionHook hook, InboundRequest request, Reply answer) {
    Reply reply = shelveForm(answer);
    if (reply.isPrivate()) {
      return logged(
          hook.editOriginal(ReplyRenderer.edit(reply)).submit(), "answer " + request.deliveryKey());
    }
    return logged(
        hook.deleteOriginal()
            .submit()
            .thenCompose(
                done -> hook.sendMessage(ReplyRenderer.create(reply)).setEphemeral(false).submit()),
        "answer " + request.deliveryKey() + " publicly");
  }

  /** A form that cannot open now goes behind an "open the form" button. */
  private Reply shelveForm(Reply reply) {
    return reply.form() == null ? reply : shelf.shelve(reply);
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

  private static Consumer<Throwable> failed(String what) {
    return error -> LOG.warn("Discord refused to {}: {}", LogText.of(what), LogText.of(error));
  }
}
