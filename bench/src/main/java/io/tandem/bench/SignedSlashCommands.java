package io.tandem.bench;

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
 * Sends {@code /tandem} slash commands to one events URL the way Slack does in HTTP mode: a form
 * body shaped like the simulator's, signed with {@link SlackSignature}, posted with {@link
 * HttpClient#sendAsync} so the sender never waits. Each command gets its own {@code response_url}
 * on the simulator ({@code responseUrlPrefix} + a number, which also replaces {@value #NUMBER} in
 * the command line), and the people take turns.
 *
 * <p>Thread-safe; the answer's arrival time is taken when the response headers arrive.
 */
final class SignedSlashCommands implements InterleavedLoad.Target {

  static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

  /** Stands for the command's number in the command line, to tell each command's effect apart. */
  static final String NUMBER = "{n}";

  private final HttpClient http;
  private final URI eventsUrl;
  private final String signingSecret;
  private final SlackSimulator slack;
  private final List<SimulatedUser> people;
  private final String command;
  private final String text;
  private final String responseUrlPrefix;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();

  SignedSlashCommands(
      HttpClient http,
      URI eventsUrl,
      String signingSecret,
      SlackSimulator slack,
      List<SimulatedUser> people,
      String commandLine,
      String responseUrlPrefix) {
    this.http = http;
    this.eventsUrl = eventsUrl;
    this.signingSecret = signingSecret;
    this.slack = slack;
    this.people = List.copyOf(people);
    int space = commandLine.indexOf(' ');
    this.command = commandLine.substring(0, space);
    this.text = commandLine.substring(space + 1);
    this.responseUrlPrefix = responseUrlPrefix;
    this.clock = Clock.systemUTC();
  }

  @Override
  public CompletableFuture<Long> send() {
    long n = sequence.incrementAndGet();
    SimulatedUser person = people.get((int) (n % people.size()));
    String responseUrlId = responseUrlPrefix + n;
    Instant now = clock.instant();
    String body =
        form(
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
    long timestamp = now.getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(eventsUrl)
            .timeout(ACK_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
            .header("X-Slack-Signature", SlackSignature.sign(signingSecret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    sentAt.put(responseUrlId, now);
    long[] headersAt = new long[1];
    return http.sendAsync(
            request,
            info -> {
              headersAt[0] = System.nanoTime();
              return HttpResponse.BodySubscribers.discarding();
            })
        .thenApply(
            response -> {
              if (response.statusCode() != 200) {
                throw new IllegalStateException(
                    "HTTP " + response.statusCode() + " from " + eventsUrl);
              }
              return headersAt[0];
            });
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

  private static String form(String... namesAndValues) {
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
