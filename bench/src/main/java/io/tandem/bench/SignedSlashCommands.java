package io.tandem.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.simulator.slack.ResponseMessage;
import io.tandem.simulator.slack.SimulatedUser;
import io.tandem.simulator.slack.SlackSignature;
import io.tandem.simulator.slack.SlackSimulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@code /tandem} slash commands to Tandem's events URLs (one per instance, in turn) the way
 * Slack does in HTTP mode: a form body shaped like the simulator's, signed with {@link
 * SlackSignature}, posted with {@link HttpClient#sendAsync} so the sender never waits. Each command
 * gets its own {@code response_url} on the simulator ({@code responseUrlPrefix} + a number, which
 * also replaces {@value #NUMBER} in the command line), and the people take turns.
 *
 * <p>Thread-safe; the acknowledgement's arrival time is taken when its headers arrive, and an
 * answer in it counts when its body has arrived.
 */
final class SignedSlashCommands implements InterleavedLoad.Target {

  static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

  /** Stands for the command's number in the command line, to tell each command's effect apart. */
  static final String NUMBER = "{n}";

  private final HttpClient http;
  private final List<URI> eventsUrls;
  private final String signingSecret;
  private final SlackSimulator slack;
  private final List<SimulatedUser> people;
  private final String command;
  private final String text;
  private final String responseUrlPrefix;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();
  private final String buttonValue;
  private final java.util.Queue<AckBody> inAck = new java.util.concurrent.ConcurrentLinkedQueue<>();

  private record AckBody(String responseUrlId, String body, Instant at) {}

  SignedSlashCommands(
      HttpClient http,
      List<URI> eventsUrls,
      String signingSecret,
      SlackSimulator slack,
      List<SimulatedUser> people,
      String commandLine,
      String responseUrlPrefix) {
    this(
        http,
        eventsUrls,
        signingSecret,
        slack,
        people,
        new String[] {
          commandLine.substring(0, commandLine.indexOf(' ')),
          commandLine.substring(commandLine.indexOf(' ') + 1),
          null
        },
        responseUrlPrefix);
  }

  /** {@code what}: the command and its text, or two nulls and the clicked button's value. */
  private SignedSlashCommands(
      HttpClient http,
      List<URI> eventsUrls,
      String signingSecret,
      SlackSimulator slack,
      List<SimulatedUser> people,
      String[] what,
      String responseUrlPrefix) {
    this.http = http;
    this.eventsUrls = List.copyOf(eventsUrls);
    this.signingSecret = signingSecret;
    this.slack = slack;
    this.people = List.copyOf(people);
    this.command = what[0];
    this.text = what[1];
    this.buttonValue = what[2];
    this.responseUrlPrefix = responseUrlPrefix;
    this.clock = Clock.systemUTC();
  }

  /**
   * Clicks on a Tandem command button ({@code action_id} {@code command}, e.g. the "My sessions"
   * button of {@code status}, value {@code log list}) in a message in each person's DM, sent as
   * Slack sends {@code block_actions}: a signed form with the JSON {@code payload}, answered at its
   * {@code response_url}.
   */
  static SignedSlashCommands buttonClicks(
      HttpClient http,
      List<URI> eventsUrls,
      String signingSecret,
      SlackSimulator slack,
      List<SimulatedUser> people,
      String buttonValue,
      String responseUrlPrefix) {
    return new SignedSlashCommands(
        http,
        eventsUrls,
        signingSecret,
        slack,
        people,
        new String[] {null, null, buttonValue},
        responseUrlPrefix);
  }

  @Override
  public CompletableFuture<Long> send() {
    long n = sequence.incrementAndGet();
    return sendTo(List.of(eventsUrls.get((int) (n % eventsUrls.size()))), n).get(0);
  }

  /**
   * Sends the next command to every instance at once, the same signed request byte for byte (as a
   * Slack retry that lands on another instance); completes when every acknowledgement is in.
   *
   * @return its number
   */
  long sendToEveryInstance() {
    long n = sequence.incrementAndGet();
    CompletableFuture.allOf(sendTo(eventsUrls, n).toArray(CompletableFuture[]::new)).join();
    return n;
  }

  private List<CompletableFuture<Long>> sendTo(List<URI> urls, long n) {
    SimulatedUser person = people.get((int) (n % people.size()));
    String responseUrlId = responseUrlPrefix + n;
    Instant now = clock.instant();
    String body =
        buttonValue != null
            ? form("payload", click(person, n, slack.responseUrl(responseUrlId), now).toString())
            : form(
                "token", "sim-verification-token",
                "team_id", slack.teamId(),
                "team_domain", slack.teamDomain(),
                "channel_id", person.dmChannelId(),
                "channel_name", "directmessage",
                "user_id", person.id(),
                "user_name", person.name(),
                "command", command,
                "text", text.replace(NUMBER, Long.toString(n)),
                "api_app_id", slack.appId(),
                "is_enterprise_install", "false",
                "response_url", slack.responseUrl(responseUrlId),
                "trigger_id", now.getEpochSecond() + "." + n + ".bench");
    sentAt.put(responseUrlId, now);
    return urls.stream()
        .map(
            url ->
                postSigned(
                    http,
                    url,
                    signingSecret,
                    now.getEpochSecond(),
                    body,
                    ackBody -> answeredInAck(responseUrlId, ackBody)))
        .toList();
  }

  /**
   * An acknowledgement with a message is the command's answer, as Slack shows it (a click's is not:
   * Slack shows nothing of it); it counts as arriving with the acknowledgement.
   */
  private void answeredInAck(String responseUrlId, String ackBody) {
    if (buttonValue != null || ackBody == null || ackBody.isBlank()) {
      return;
    }
    inAck.add(new AckBody(responseUrlId, ackBody, clock.instant()));
  }

  private static ResponseMessage parsed(AckBody ack) {
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(ack.body());
    } catch (RuntimeException e) {
      return null;
    }
    if (parsed.isJsonObject()
        && (parsed.getAsJsonObject().has("text") || parsed.getAsJsonObject().has("blocks"))) {
      JsonObject json = parsed.getAsJsonObject();
      String type = json.has("response_type") ? json.get("response_type").getAsString() : null;
      return new ResponseMessage(
          ack.responseUrlId(), json, type == null ? "ephemeral" : type, ack.at());
    }
    return null;
  }

  /**
   * Every answer to these commands so far: those posted to the simulator's {@code response_url}s
   * and those that came in the acknowledgement, each command's first one only.
   */
  List<ResponseMessage> answers() {
    Map<String, ResponseMessage> first = new java.util.LinkedHashMap<>();
    java.util.stream.Stream.concat(
            slack.responses().stream().filter(r -> r.responseUrlId().startsWith(responseUrlPrefix)),
            inAck.stream().map(SignedSlashCommands::parsed).filter(java.util.Objects::nonNull))
        .forEach(
            r -> first.merge(r.responseUrlId(), r, (a, b) -> a.time().isAfter(b.time()) ? b : a));
    return List.copyOf(first.values());
  }

  /**
   * Posts a form body signed as Slack signs it; completes with the {@link System#nanoTime} at which
   * the acknowledgement's headers arrived, exceptionally when it was not HTTP 200.
   */
  static CompletableFuture<Long> postSigned(
      HttpClient http, URI eventsUrl, String signingSecret, long timestamp, String body) {
    return postSigned(http, eventsUrl, signingSecret, timestamp, body, ackBody -> {});
  }

  /** {@link #postSigned}, handing the acknowledgement's body to {@code ackBody}. */
  static CompletableFuture<Long> postSigned(
      HttpClient http,
      URI eventsUrl,
      String signingSecret,
      long timestamp,
      String body,
      java.util.function.Consumer<String> ackBody) {
    HttpRequest request =
        HttpRequest.newBuilder(eventsUrl)
            .timeout(ACK_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
            .header("X-Slack-Signature", SlackSignature.sign(signingSecret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long[] headersAt = new long[1];
    return http.sendAsync(
            request,
            info -> {
              headersAt[0] = System.nanoTime();
              return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
            })
        .thenApply(
            response -> {
              if (response.statusCode() != 200) {
                throw new IllegalStateException(
                    "HTTP " + response.statusCode() + " from " + eventsUrl);
              }
              ackBody.accept(response.body());
              return headersAt[0];
            });
  }

  private JsonObject click(SimulatedUser person, long n, String responseUrl, Instant now) {
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "block_actions");
    JsonObject user = new JsonObject();
    user.addProperty("id", person.id());
    user.addProperty("username", person.name());
    user.addProperty("name", person.name());
    user.addProperty("team_id", slack.teamId());
    payload.add("user", user);
    payload.addProperty("api_app_id", slack.appId());
    payload.addProperty("token", "sim-verification-token");
    payload.addProperty("trigger_id", now.getEpochSecond() + "." + n + ".bench");
    JsonObject team = new JsonObject();
    team.addProperty("id", slack.teamId());
    team.addProperty("domain", slack.teamDomain());
    payload.add("team", team);
    payload.addProperty("is_enterprise_install", false);
    String ts = now.getEpochSecond() + "." + String.format("%06d", n % 1_000_000);
    JsonObject container = new JsonObject();
    container.addProperty("type", "message");
    container.addProperty("message_ts", ts);
    container.addProperty("channel_id", person.dmChannelId());
    container.addProperty("is_ephemeral", false);
    payload.add("container", container);
    JsonObject channel = new JsonObject();
    channel.addProperty("id", person.dmChannelId());
    channel.addProperty("name", "directmessage");
    payload.add("channel", channel);
    payload.addProperty("response_url", responseUrl);
    JsonObject action = new JsonObject();
    action.addProperty("action_id", "command");
    action.addProperty("block_id", "actions");
    action.addProperty("type", "button");
    action.addProperty("value", buttonValue);
    action.addProperty("action_ts", ts);
    JsonArray actions = new JsonArray();
    actions.add(action);
    payload.add("actions", actions);
    return payload;
  }

  /** How many commands were sent (warm-up included). */
  long sent() {
    return sequence.get();
  }

  /** When the command answered at this {@code response_url} id was sent (wall clock). */
  Map<String, Instant> sentAt() {
    return sentAt;
  }

  String responseUrlPrefix() {
    return responseUrlPrefix;
  }

  static String form(String... namesAndValues) {
    StringJoiner joiner = new StringJoiner("&");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      joiner.add(
          URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)
              + "="
              + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return joiner.toString();
  }
}
