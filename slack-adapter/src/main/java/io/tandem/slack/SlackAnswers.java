package io.tandem.slack;

import com.google.gson.Gson;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.util.http.SlackHttpClient;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.AnswerPort;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's side of {@link AnswerPort}: who asked (their time zone, admin flag and email, from {@link
 * SlackMembers}) and the answer to what the intake ran, posted at the request's {@code
 * response_url}, or a form opened with the trigger of the person's action. Called on the intake's
 * workers.
 */
final class SlackAnswers implements AnswerPort {
  private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);

  private final SlackMembers members;
  private final SlackHttpClient http;
  private final Gson gson;
  private final MethodsClient client;
  private final String botToken;

  SlackAnswers(
      SlackMembers members,
      SlackHttpClient http,
      Gson gson,
      MethodsClient client,
      String botToken) {
    this.members = members;
    this.http = http;
    this.gson = gson;
    this.client = client;
    this.botToken = botToken;
  }

  @Override
  public Actor actor(InboundRequest request) {
    SlackMembers.Profile profile = members.profile(request.userId());
    return request.actor(profile.timeZone(), profile.admin(), profile.email());
  }

  @Override
  public boolean answer(InboundRequest request, Reply reply) {
    String triggerId =
        request.deliveryKey().startsWith("slack:t:")
            ? request.deliveryKey().substring("slack:t:".length())
            : null;
    if (reply.form() != null && triggerId != null && openForm(triggerId, reply.form())) {
      return true;
    }
    try {
      return respond(request.replyAddress(), toResponse(reply));
    } catch (IOException e) {
      LOG.warn("Answering at a response_url failed: {}", e.toString());
      return false;
    }
  }

  private boolean respond(String responseUrl, SlashCommandResponse response) throws IOException {
    try (okhttp3.Response posted = http.postJsonBody(responseUrl, gson.toJson(response))) {
      if (!posted.isSuccessful()) {
        LOG.warn("Slack refused an answer at its response_url: HTTP {}", posted.code());
      }
      return posted.isSuccessful();
    }
  }

  /** Opens a form with the trigger of the person's action; false when Slack refused. */
  private boolean openForm(String triggerId, Reply.Form form) {
    try {
      ViewsOpenResponse opened =
          client.viewsOpen(r -> r.token(botToken).triggerId(triggerId).view(BlockKit.modal(form)));
      if (!opened.isOk()) {
        LOG.warn("views.open for form {} answered {}", form.formId(), opened.getError());
      }
      return opened.isOk();
    } catch (IOException | SlackApiException e) {
      LOG.warn("views.open for form {} failed: {}", form.formId(), e.getMessage());
      return false;
    }
  }

  static SlashCommandResponse toResponse(Reply reply) {
    return SlashCommandResponse.builder()
        .responseType(reply.isPrivate() ? "ephemeral" : "in_channel")
        .text(BlockKit.fallbackText(reply))
        .blocks(BlockKit.blocks(reply))
        .build();
  }
}
