package io.tandem.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewClosedRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.tandem.core.kernel.LogText;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through only requests that say who sent them, from a workspace this installation serves;
 * runs in {@link com.slack.api.bolt.App#run} after Bolt's own verification, so it guards Socket
 * Mode and HTTP alike, and before any handler, so a refused request stores nothing.
 *
 * <p>Served are the team ids and Enterprise Grid ids in {@code slack.workspaces}, or when that is
 * empty the team the bot token belongs to ({@code auth.test}, asked once). A slash command that is
 * refused gets a short private answer, since Slack shows it to the person; anything else is refused
 * with 400 (unreadable) or 403 (another workspace) over HTTP, and acknowledged without effect over
 * Socket Mode, where Bolt sends no acknowledgement at all for any status but 200 and Slack would
 * retry.
 */
final class SlackWorkspaceGuard implements Middleware {

  static final String NO_SENDER =
      ":warning: Tandem could not tell who ran this command or in which workspace, so it did"
          + " nothing. Please run it again, e.g. `/tandem help`.";
  static final String OTHER_WORKSPACE =
      ":no_entry: This Tandem serves another Slack workspace, so it did nothing here. Ask your"
          + " Slack admin which mentoring program your workspace uses.";
  static final String NOT_READY =
      ":hourglass: Tandem is still starting up; please run the command again in a minute.";

  private static final Logger LOG = LoggerFactory.getLogger(SlackWorkspaceGuard.class);
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
  private static final Pattern TEAM_ID = io.tandem.config.SlackConfig.WORKSPACE_ID;

  /** Requests that act for a person: without a person and a workspace they cannot be served. */
  private static final Set<RequestType> PERSONAL =
      Set.of(
          RequestType.Command,
          RequestType.BlockAction,
          RequestType.ViewSubmission,
          RequestType.ViewClosed);

  /** Requests about no workspace at all: Slack checking the endpoint. */
  private static final Set<RequestType> ENDPOINT_CHECKS =
      Set.of(RequestType.UrlVerification, RequestType.SSLCheck);

  private final Set<String> configured;
  private final MethodsClient methods;
  private final String botToken;
  private final AtomicReference<Set<String>> tokenWorkspace = new AtomicReference<>();

  /**
   * @param methods asked for {@code auth.test} with the bot token when {@code slack.workspaces} is
   *     empty
   */
  SlackWorkspaceGuard(io.tandem.config.SlackConfig config, MethodsClient methods) {
    this.configured = Set.copyOf(config.workspaces());
    this.methods = methods;
    this.botToken = config.botToken();
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    RequestType type = req.getRequestType();
    if (type == null || ENDPOINT_CHECKS.contains(type)) {
      return chain.next(req);
    }
    Sender sender = Sender.of(req);
    boolean teamKnown = sender.team() != null && TEAM_ID.matcher(sender.team()).matches();
    if (PERSONAL.contains(type)) {
      if (!teamKnown || sender.user() == null || !USER_ID.matcher(sender.user()).matches()) {
        LOG.info("Refused a {} without a valid user and workspace id", type);
        return refuse(req, 400, NO_SENDER);
      }
    } else if (!teamKnown) {
      // an event without a workspace has nobody to act for
      LOG.info("Ignored a {} without a workspace id", type);
      return refuse(req, 400, null);
    }
    Set<String> served = served();
    if (served == null) {
      return refuse(req, 503, NOT_READY);
    }
    String team = sender.team();
    String enterprise = sender.enterprise();
    if (!served.contains(team) && (enterprise == null || !served.contains(enterprise))) {
      LOG.warn(
          "Refused a {} from workspace {} that this installation does not serve"
              + " (slack.workspaces)",
          type,
          LogText.of(team));
      return refuse(req, 403, OTHER_WORKSPACE);
    }
    return chain.next(req);
  }

  /**
   * Who sent a request and from where, as the payload says. Not Bolt's request context: with a
   * single-team bot token, Bolt fills the context's team from {@code auth.test}, whatever the
   * payload said.
   */
  private record Sender(String team, String enterprise, String user) {
    /**
     * The payload objects' own field names: Bolt's parsed payloads, serialised back as they are.
     */
    private static final Gson FIELDS = new Gson();

    static Sender of(Request<?> req) {
      if (req instanceof SlashCommandRequest command) {
        // flat strings: read as they are, without a tree of the payload on every command
        var p = command.getPayload();
        return new Sender(p.getTeamId(), p.getEnterpriseId(), p.getUserId());
      }
      Object interactive =
          req instanceof BlockActionRequest action
              ? action.getPayload()
              : req instanceof ViewSubmissionRequest submission
                  ? submission.getPayload()
                  : req instanceof ViewClosedRequest closed ? closed.getPayload() : null;
      if (interactive != null) {
        JsonObject p = FIELDS.toJsonTree(interactive).getAsJsonObject();
        String enterprise = text(inner(p, "enterprise"), "id");
        return new Sender(
            text(inner(p, "team"), "id"),
            enterprise != null ? enterprise : text(inner(p, "team"), "enterpriseId"),
            text(inner(p, "user"), "id"));
      }
      return ofJson(req.getRequestBodyAsString());
    }

    private static JsonObject inner(JsonObject object, String field) {
      JsonElement value = object.get(field);
      return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
    }

    /**
     * An Events API callback (or any other JSON request): the workspace the app is installed in is
     * the first of {@code authorizations}, else the top-level {@code team_id}, as Bolt reads it.
     */
    private static Sender ofJson(String body) {
      try {
        JsonObject payload = JsonParser.parseString(body).getAsJsonObject();
        JsonObject where = payload;
        JsonElement authorizations = payload.get("authorizations");
        if (authorizations != null
            && authorizations.isJsonArray()
            && !authorizations.getAsJsonArray().isEmpty()
            && authorizations.getAsJsonArray().get(0).isJsonObject()) {
          where = authorizations.getAsJsonArray().get(0).getAsJsonObject();
        }
        return new Sender(text(where, "team_id"), text(where, "enterprise_id"), null);
      } catch (RuntimeException e) {
        return new Sender(null, null, null);
      }
    }

    private static String text(JsonObject object, String field) {
      JsonElement value = object.get(field);
      return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
  }

  /** The served workspaces; {@code null} while the bot token's own cannot be learnt. */
  private Set<String> served() {
    if (!configured.isEmpty()) {
      return configured;
    }
    Set<String> known = tokenWorkspace.get();
    if (known != null) {
      return known;
    }
    try {
      AuthTestResponse test = methods.authTest(r -> r.token(botToken));
      if (!test.isOk() || test.getTeamId() == null) {
        LOG.warn(
            "auth.test answered {}; cannot tell which workspace Tandem serves", test.getError());
        return null;
      }
      Set<String> own = Set.of(test.getTeamId());
      tokenWorkspace.compareAndSet(null, own);
      return own;
    } catch (Exception e) {
      LOG.warn("auth.test failed; cannot tell which workspace Tandem serves: {}", LogText.of(e));
      return null;
    }
  }

  /**
   * A slash command gets {@code explanation} privately (Slack shows it); over Socket Mode every
   * refusal is an acknowledgement; over HTTP anything else gets {@code status}.
   */
  private static Response refuse(Request<?> req, int status, String explanation) {
    if (req.getRequestType() == RequestType.Command && explanation != null) {
      return Response.json(200, Map.of("response_type", "ephemeral", "text", explanation));
    }
    return req.isSocketMode() ? Response.ok() : Response.error(status);
  }
}
