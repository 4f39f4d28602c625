package io.tandem.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewClosedPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.DefaultContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.UserChangeEvent;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.IntakeUseCase;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Slack sends Tandem, turned into {@link InboundRequest}s for the {@link IntakeUseCase}: the
 * {@code /tandem} command, button clicks, form submissions and closings, the Home tab and account
 * changes. Each is stored through the intake before Bolt acknowledges it; a form submission and a
 * quick command run before their acknowledgement, which carries their answer. Runs on Bolt's
 * threads.
 */
final class SlackInbound {
  private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);
  private static final Pattern ANY = Pattern.compile(".*");

  private final IntakeUseCase intake;
  private final Clock clock;

  SlackInbound(IntakeUseCase intake, Clock clock) {
    this.intake = intake;
    this.clock = clock;
  }

  /** Registers a handler for each kind of request Tandem takes from Slack. */
  void register(App app) {
    app.command(
        SlackAdapter.COMMAND, (request, ctx) -> acceptCommand(request, request.getPayload(), ctx));
    app.blockAction(ANY, (request, ctx) -> acceptClick(request, request.getPayload(), ctx));
    app.viewSubmission(ANY, (request, ctx) -> submitForm(request, request.getPayload(), ctx));
    app.viewClosed(ANY, (request, ctx) -> formClosed(request, request.getPayload(), ctx));
    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> homeOpened(payload.getEventId(), payload.getEvent(), ctx));
    app.event(
        UserChangeEvent.class,
        (payload, ctx) -> userChanged(payload.getEventId(), payload.getEvent(), ctx));
  }

  /**
   * A quick command is answered in the acknowledgement, after its effect committed: Slack shows a
   * slash command's acknowledgement body (text, blocks, {@code response_type}) as the command's
   * response, visible to the invoker only unless it is {@code in_channel}; an empty body is just an
   * acknowledgement (Slack's Java SDK guide on slash commands). Slack waits 3 seconds for it, so
   * only the verbs the core declares quick run here ({@code CommandParser.Verb}); long ones, and
   * answers that open a form (which needs {@code views.open}), are answered at the {@code
   * response_url} as before.
   */
  private Response acceptCommand(
      Request<?> request, SlashCommandPayload payload, SlashCommandContext ctx) {
    InboundRequest command =
        request(
            deliveryKey(payload.getTriggerId(), request),
            InboundRequest.Kind.COMMAND,
            payload.getTeamId(),
            payload.getUserId(),
            payload.getUserName(),
            payload.getChannelId(),
            payload.getText(),
            null,
            Map.of(),
            payload.getResponseUrl(),
            SlackText.mentions(payload.getText()));
    IntakeUseCase.Taken taken = intake.acceptOrAnswer(command, reply -> reply.form() == null);
    if (taken.acceptance() == IntakeUseCase.Acceptance.REFUSED) {
      return stopping();
    }
    return taken.inAck().map(reply -> ctx.ack(SlackAnswers.toResponse(reply))).orElseGet(ctx::ack);
  }

  private Response acceptClick(Request<?> request, BlockActionPayload payload, ActionContext ctx) {
    // a button click carries exactly one action
    BlockActionPayload.Action action = payload.getActions().get(0);
    InboundRequest click =
        request(
            deliveryKey(payload.getTriggerId(), request),
            InboundRequest.Kind.CLICK,
            payload.getTeam().getId(),
            payload.getUser().getId(),
            payload.getUser().getName(),
            payload.getChannel() == null ? null : payload.getChannel().getId(),
            action.getActionId(),
            action.getValue(),
            Map.of(),
            payload.getResponseUrl(),
            // a command button rendered before Tandem wrote its own plain mentions
            SlackText.mentions(action.getValue()));
    // Slack shows nothing of a click's acknowledgement: every answer goes to its response_url
    IntakeUseCase.Taken taken = intake.acceptOrAnswer(click, reply -> false);
    return taken.acceptance() == IntakeUseCase.Acceptance.REFUSED ? stopping() : ctx.ack();
  }

  /**
   * Stores the request before the acknowledgement; a repeat is acknowledged and ignored, and while
   * Tandem stops the request gets HTTP 503 (Slack shows the person an error; nothing was taken).
   */
  private Response accept(com.slack.api.bolt.context.Context ctx, InboundRequest request) {
    switch (intake.accept(request)) {
      case REFUSED:
        return stopping();
      default:
        // a repeat is acknowledged too; the intake logs that it ignored it
        return ctx.ack();
    }
  }

  private static Response stopping() {
    return Response.builder()
        .statusCode(503)
        .contentType("text/plain; charset=utf-8")
        .body("Tandem is restarting; try again in a minute.")
        .build();
  }

  /**
   * What Slack repeats when it sends the same request again: the {@code trigger_id} of the person's
   * action, or else (events carry their own id) a digest of the signed body and its timestamp,
   * which a replay repeats byte for byte.
   */
  private static String deliveryKey(String triggerId, Request<?> request) {
    return triggerId != null && !triggerId.isBlank()
        ? "slack:t:" + triggerId
        : "slack:b:" + digest(request);
  }

  private static String digest(Request<?> request) {
    String timestamp = request.getHeaders().getFirstValue("X-Slack-Request-Timestamp");
    String signed = timestamp + ":" + request.getRequestBodyAsString();
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(signed.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Form submissions are answered in the acknowledgement itself, because only the acknowledgement
   * can keep the form open with errors or move it to its next page: the submission runs now and
   * commits before the acknowledgement (the core answers in milliseconds). A repeat gets the answer
   * the first one got, without a second effect.
   */
  private Response submitForm(
      Request<?> request, ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
    try {
      Map<String, String> values = values(payload);
      if (!intake.accepting()) {
        return stopping();
      }
      Optional<Reply> answer =
          intake.answerNow(
              request(
                  deliveryKey(payload.getTriggerId(), request),
                  InboundRequest.Kind.FORM,
                  payload.getTeam().getId(),
                  payload.getUser().getId(),
                  payload.getUser().getName(),
                  null,
                  payload.getView().getCallbackId(),
                  null,
                  values,
                  null,
                  Map.of()));
      if (answer.isEmpty()) {
        return intake.accepting() ? ctx.ack() : stopping();
      }
      Reply reply = answer.get();
      if (reply.kind() == Reply.Kind.ERROR && !reply.inputErrors().isEmpty()) {
        return ctx.ackWithErrors(BlockKit.inputErrors(reply));
      }
      if (reply.form() != null) {
        return ctx.ackWithUpdate(BlockKit.modal(reply.form()));
      }
      return ctx.ackWithUpdate(BlockKit.resultModal(reply));
    } catch (Exception e) {
      LOG.error("Handling a form from {} failed", payload.getUser().getId(), e);
      return ctx.ackWithUpdate(
          BlockKit.resultModal(
              Reply.error(
                  "Something went wrong on our side and nothing was saved. Please try again.",
                  SlackAdapter.COMMAND + " help")));
    }
  }

  /** What the person entered in the form's inputs, by action id; inputs left empty are absent. */
  private static Map<String, String> values(ViewSubmissionPayload payload) {
    Map<String, String> values = new LinkedHashMap<>();
    payload
        .getView()
        .getState()
        .getValues()
        .forEach(
            (blockId, actions) ->
                actions.forEach(
                    (actionId, value) -> {
                      if (value.getValue() != null) {
                        values.put(actionId, value.getValue());
                      }
                    }));
    return values;
  }

  /**
   * A form was closed without submitting ({@code view_closed}, sent because {@link BlockKit#modal}
   * sets {@code notify_on_close}): stored, acknowledged, told to the core on a worker.
   */
  private Response formClosed(Request<?> request, ViewClosedPayload payload, DefaultContext ctx) {
    String formId = payload.getView() == null ? null : payload.getView().getCallbackId();
    if (formId == null || formId.isBlank()) {
      return ctx.ack();
    }
    return accept(
        ctx,
        request(
            "slack:b:" + digest(request),
            InboundRequest.Kind.FORM_CLOSED,
            payload.getTeam().getId(),
            payload.getUser().getId(),
            payload.getUser().getName(),
            null,
            formId,
            null,
            Map.of(),
            null,
            Map.of()));
  }

  /**
   * The Home tab was opened: the core queues the person's dashboard, which the outbox publishes
   * with {@code views.publish}. Only the home tab counts (not the Messages tab). Slack's retries of
   * the event carry the same {@code event_id}: they change nothing.
   */
  private Response homeOpened(String eventId, AppHomeOpenedEvent event, EventContext ctx) {
    if (event.getTab() != null && !"home".equals(event.getTab())) {
      return ctx.ack();
    }
    return accept(
        ctx, event(eventId, InboundRequest.Kind.HOME_OPENED, ctx.getTeamId(), event.getUser()));
  }

  /** A Slack request as the intake stores it: Slack sends no time zone or admin flag with it. */
  private InboundRequest request(
      String deliveryKey,
      InboundRequest.Kind kind,
      String teamId,
      String userId,
      String userName,
      String channelId,
      String name,
      String value,
      Map<String, String> values,
      String responseUrl,
      Map<String, String> mentions) {
    return new InboundRequest(
        Platform.SLACK,
        deliveryKey,
        kind,
        teamId,
        userId,
        userName,
        null,
        null,
        channelId,
        name,
        value,
        values,
        responseUrl,
        clock.instant(),
        mentions);
  }

  private InboundRequest event(
      String eventId, InboundRequest.Kind kind, String teamId, String userId) {
    return request(
        "slack:e:" + eventId,
        kind,
        teamId,
        userId,
        null,
        null,
        null,
        null,
        Map.of(),
        null,
        Map.of());
  }

  /**
   * A member's account changed ({@code user_change}): a deactivated account ({@code deleted}) is a
   * departure, any other change means the person is there (which clears a recorded departure, e.g.
   * after a reactivation). Stored, acknowledged, told to the core on a worker.
   */
  private Response userChanged(String eventId, UserChangeEvent event, EventContext ctx) {
    com.slack.api.model.User user = event.getUser();
    if (user == null || user.getId() == null || user.isBot()) {
      return ctx.ack();
    }
    String teamId = ctx.getTeamId() != null ? ctx.getTeamId() : user.getTeamId();
    return accept(
        ctx,
        event(
            eventId,
            user.isDeleted()
                ? InboundRequest.Kind.MEMBER_LEFT
                : InboundRequest.Kind.MEMBER_RETURNED,
            teamId,
            user.getId()));
  }
}
