package io.tandem.simulator.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// Long because it is the whole public face tests drive, each method a short delegation to the
// part that does the work; split, a test would need several objects for one fake Slack.
/**
 * A local Slack on 127.0.0.1: the Web API, {@code response_url}s and Socket Mode, for tests, the
 * demo and benchmarks. Point a real Bolt app at it with {@code
 * SlackConfig#setMethodsEndpointUrlPrefix(simulator.apiUrl())}; act as a person with {@link
 * SlackClient}.
 *
 * <p>Everything binds loopback on ephemeral ports. All methods are thread-safe: the servers call
 * back on their own threads while a test reads and waits on its own. Listeners registered with
 * {@link #onTraffic} run on the thread that produced the traffic and must be quick.
 *
 * <pre>{@code
 * try (SlackSimulator slack = SlackSimulator.start("xoxb-test", "xapp-test")) {
 *   slack.user("ana").tz("Europe/Lisbon");
 *   // ... start the app against slack.apiUrl() ...
 *   ApiCall dm = slack.awaitCall("chat.postMessage", c -> true, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class SlackSimulator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackSimulator.class);

  private final SlackSimulatorBuilder config;
  private final Ids ids;
  private final SimulatorHttp http;
  private final SocketModeEndpoint socketMode;
  private final FaultPlan faults = new FaultPlan();
  private final RateLimitPlan rateLimits;
  private final Journal<ApiCall> calls = new Journal<>();
  private final Journal<SlackMessage> messages = new Journal<>();
  private final ChannelHistory history = new ChannelHistory();
  private final People people;
  private final Views views;
  private final Uploads uploads;
  private final GroupDms groupDms;
  private final Traffic traffic;
  private final ResponseUrls responseUrls;

  /** Unregisters a listener; closing twice is harmless. */
  @FunctionalInterface
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  SlackSimulator(SlackSimulatorBuilder config) {
    this.config = config;
    this.ids = new Ids(config.clock);
    this.rateLimits = new RateLimitPlan(config.clock);
    this.people = new People(ids);
    this.views = new Views(config.clock, ids);
    this.uploads = new Uploads(ids);
    this.groupDms = new GroupDms(ids);
    this.traffic = new Traffic(people, uploads);
    this.responseUrls = new ResponseUrls(ids, messages, traffic);
    this.socketMode = new SocketModeEndpoint(config.appId);
    try {
      this.http = new SimulatorHttp(this);
    } catch (IOException e) {
      socketMode.close();
      throw new UncheckedIOException("cannot bind the Slack simulator", e);
    }
    log.info("Slack simulator listening on {}", apiUrl());
  }

  /** Starts a simulator that accepts these tokens, with default team and bot names. */
  public static SlackSimulator start(String botToken, String appToken) {
    return builder().botToken(botToken).appToken(appToken).start();
  }

  /** A builder for a simulator with a custom clock, names or scopes. */
  public static SlackSimulatorBuilder builder() {
    return new SlackSimulatorBuilder();
  }

  // ---- endpoints and identity ---------------------------------------------------------------

  /**
   * The Web API prefix for {@code SlackConfig#setMethodsEndpointUrlPrefix}; ends in {@code /api/}.
   */
  public String apiUrl() {
    return baseUri() + "api/";
  }

  /** {@code http://127.0.0.1:PORT/}. */
  public URI baseUri() {
    return http.baseUri();
  }

  /** The absolute {@code response_url} for an id, e.g. {@code http://127.0.0.1:P/response/R1}. */
  public String responseUrl(String responseUrlId) {
    return baseUri() + "response/" + responseUrlId;
  }

  /** The bot token ({@code xoxb-…}) the Web API accepts. */
  public String botToken() {
    return config.botToken;
  }

  /** The app-level token ({@code xapp-…}) {@code apps.connections.open} accepts. */
  public String appToken() {
    return config.appToken;
  }

  /** The workspace id ({@code T…}). */
  public String teamId() {
    return config.teamId;
  }

  /** The workspace domain, as in {@code https://DOMAIN.slack.com/}. */
  public String teamDomain() {
    return config.teamDomain;
  }

  /** The workspace name. */
  public String teamName() {
    return config.teamName;
  }

  /** The app id ({@code A…}) sent as {@code api_app_id}. */
  public String appId() {
    return config.appId;
  }

  /** The bot id ({@code B…}) of the app's messages. */
  public String botId() {
    return config.botId;
  }

  /** The bot's user id ({@code U…}), as {@code auth.test} reports it. */
  public String botUserId() {
    return config.botUserId;
  }

  /** The bot's user name. */
  public String botName() {
    return config.botName;
  }

  /** The clock that stamps calls, message timestamps and {@code tz_offset}. */
  public Clock clock() {
    return config.clock;
  }

  /** The Socket Mode server: connections, envelopes, acks, reconnects. */
  public SocketModeEndpoint socketMode() {
    return socketMode;
  }

  // ---- users -----------------------------------------------------------------------------------

  /**
   * The person with handle {@code name}, registered on first use with a stable {@code U…} id, tz
   * {@code Europe/Berlin} and no admin rights.
   */
  public SimulatedUser user(String name) {
    return people.user(name);
  }

  /** A registered user by id ({@code U…}) or handle. */
  public Optional<SimulatedUser> findUser(String idOrName) {
    return people.find(idOrName);
  }

  // ---- recorded traffic ----------------------------------------------------------------------

  /** Every Web API call so far, in arrival order, including refused and faulted ones. */
  public List<ApiCall> calls() {
    return calls.snapshot();
  }

  /** The calls to one method, in arrival order. */
  public List<ApiCall> calls(String method) {
    return calls.snapshot().stream().filter(c -> c.method().equals(method)).toList();
  }

  /**
   * Waits for a call to {@code method} matching {@code filter} (already recorded or arriving).
   *
   * @throws AssertionError listing the calls seen when none matches within {@code timeout}
   */
  public ApiCall awaitCall(String method, Predicate<ApiCall> filter, Duration timeout) {
    return calls.awaitOrFail(
        c -> c.method().equals(method) && filter.test(c),
        timeout,
        () -> "no matching " + method + " call within " + timeout + "; saw " + calls(method));
  }

  /** Waits for any call to {@code method}; see {@link #awaitCall(String, Predicate, Duration)}. */
  public ApiCall awaitCall(String method, Duration timeout) {
    return awaitCall(method, c -> true, timeout);
  }

  /** Every message the app put in a channel (posts, ephemerals, updates, response_url posts). */
  public List<SlackMessage> messages() {
    return messages.snapshot();
  }

  /**
   * Waits for a message from the app matching {@code filter} (already recorded or arriving).
   *
   * @throws AssertionError listing the messages seen when none matches within {@code timeout}
   */
  public SlackMessage awaitMessage(Predicate<SlackMessage> filter, Duration timeout) {
    return messages.awaitOrFail(
        filter, timeout, () -> "no matching message within " + timeout + "; saw " + messages());
  }

  /** Waits for a message from the app in {@code user}'s DM with the app. */
  public SlackMessage awaitDirectMessage(SimulatedUser user, Duration timeout) {
    return awaitMessage(m -> m.channel().equals(user.dmChannelId()), timeout);
  }

  /** Every message posted to a {@code response_url}, in arrival order. */
  public List<ResponseMessage> responses() {
    return responseUrls.responses().snapshot();
  }

  /**
   * Waits for the first message posted to {@code response_url} {@code responseUrlId}.
   *
   * @throws AssertionError when none arrives within {@code timeout}
   */
  public ResponseMessage awaitResponse(String responseUrlId, Duration timeout) {
    return responseUrls
        .responses()
        .awaitOrFail(
            r -> r.responseUrlId().equals(responseUrlId),
            timeout,
            () -> "nothing posted to response_url " + responseUrlId + " within " + timeout);
  }

  /**
   * Every file the app uploaded and shared ({@code files.completeUploadExternal}), in order.
   * Uploads never completed are not listed.
   */
  public List<SlackFile> files() {
    return uploads.shared().snapshot();
  }

  /**
   * Waits for a shared file matching {@code filter} (already shared or arriving).
   *
   * @throws AssertionError listing the files seen when none matches within {@code timeout}
   */
  public SlackFile awaitFile(Predicate<SlackFile> filter, Duration timeout) {
    return uploads
        .shared()
        .awaitOrFail(
            filter, timeout, () -> "no matching file within " + timeout + "; saw " + files());
  }

  /** Forgets recorded calls and responses (users, views and queued faults stay). */
  public void clearRecords() {
    calls.clear();
    responseUrls.responses().clear();
    messages.clear();
    uploads.shared().clear();
  }

  // ---- faults and listeners ------------------------------------------------------------------

  /**
   * Answers the next {@code times} calls to {@code method} with {@code fault} instead of serving
   * them. Calls with a bad token are refused before faults apply.
   */
  public void failNext(String method, int times, Fault fault) {
    faults.add(method, times, Objects.requireNonNull(fault));
  }

  /**
   * From now on, answers calls to {@code method} beyond {@code perSecondPerChannel} a second to one
   * channel (bursts of up to that many, at least 1) with HTTP 429, {@code Retry-After} in whole
   * seconds and {@code {"ok":false,"error":"ratelimited"}}, like Slack's per-channel limit on
   * {@code chat.postMessage}. Off unless called; a refused call is recorded with status 429.
   */
  public void enforceRateLimit(String method, int perSecondPerChannel) {
    if (perSecondPerChannel < 1) {
      throw new IllegalArgumentException("perSecondPerChannel must be at least 1");
    }
    rateLimits.perChannel(
        Objects.requireNonNull(method, "method"), perSecondPerChannel, perSecondPerChannel);
  }

  /**
   * From now on, answers every bot call beyond {@code perMinute} a minute to the whole workspace
   * (bursts of up to a second's worth) with HTTP 429 and {@code Retry-After}, like Slack's
   * workspace budget. Off unless called.
   */
  public void enforceWorkspaceRateLimit(int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1");
    }
    rateLimits.workspace(perMinute);
  }

  /** Stops enforcing rate limits. */
  public void stopEnforcingRateLimits() {
    rateLimits.clear();
  }

  /** How many calls the enforced rate limits answered with HTTP 429 so far. */
  public long rateLimitedCount() {
    return rateLimits.refused();
  }

  /**
   * Calls {@code listener} for every command, click and submission sent by {@link SlackClient} and
   * every message, ephemeral, view and {@code response_url} post from the app.
   *
   * @return a handle that unregisters the listener when closed
   */
  public Subscription onTraffic(Consumer<SlackTraffic> listener) {
    return traffic.listen(listener);
  }

  @Override
  public void close() {
    http.stop();
    socketMode.close();
  }

  /** The scopes the app was granted: the manifest's bot scopes unless the builder said others. */
  public Scopes scopes() {
    return config.scopes;
  }

  /**
   * A fresh absolute {@code response_url} for something {@code user} does in {@code channelId}, for
   * a request built outside {@link SlackClient} (e.g. a recorded one).
   */
  public String issueResponseUrl(SimulatedUser user, String channelId) {
    return responseUrl(responseUrls.newResponseUrlId(user, channelId));
  }

  /** A fresh {@code trigger_id} that {@code views.open} accepts, for a request built by hand. */
  public String issueTriggerId() {
    return responseUrls.newTriggerId();
  }

  /** Who is in a group DM the app opened; empty for any other channel. */
  public Set<String> groupDmMembers(String channelId) {
    return groupDms.members(channelId);
  }

  /** The group DM channel of these people, if the app opened one. */
  public Optional<String> groupDm(SimulatedUser... members) {
    return groupDms.of(members);
  }

  // ---- package-private state for the handlers and SlackClient --------------------------------

  Ids ids() {
    return ids;
  }

  RateLimitPlan rateLimits() {
    return rateLimits;
  }

  ChannelHistory history() {
    return history;
  }

  FaultPlan faults() {
    return faults;
  }

  People people() {
    return people;
  }

  Views views() {
    return views;
  }

  Uploads uploads() {
    return uploads;
  }

  GroupDms groupDms() {
    return groupDms;
  }

  Traffic traffic() {
    return traffic;
  }

  ResponseUrls responseUrls() {
    return responseUrls;
  }

  void record(ApiCall call) {
    calls.append(call);
  }

  void recordMessage(SlackMessage message) {
    messages.append(message);
  }

  /** The newest message or view from the app that holds an element with {@code actionId}. */
  Optional<Views.ActionHolder> latestHolderOf(String actionId) {
    return views.latestHolderOf(actionId, messages.snapshot());
  }
}
