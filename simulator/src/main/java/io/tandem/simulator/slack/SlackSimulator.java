package io.tandem.simulator.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private final Builder config;
  private final Ids ids;
  private final HttpServer http;
  private final ExecutorService httpThreads;
  private final SocketModeEndpoint socketMode;
  private final FaultPlan faults = new FaultPlan();
  private final RateLimitPlan rateLimits;
  private final Journal<ApiCall> calls = new Journal<>();
  private final Journal<ResponseMessage> responses = new Journal<>();
  private final Journal<SlackMessage> messages = new Journal<>();
  private final Journal<SlackFile> files = new Journal<>();
  private final Map<String, PendingUpload> uploads = new ConcurrentHashMap<>();
  private final ChannelHistory history = new ChannelHistory();
  private final Map<String, SimulatedUser> usersByName = new ConcurrentHashMap<>();
  private final Map<String, SimulatedUser> usersById = new ConcurrentHashMap<>();
  private final Map<String, StoredView> views = new ConcurrentHashMap<>();
  private final Map<String, String> groupDms = new ConcurrentHashMap<>();
  private final List<StoredView> viewHistory = new CopyOnWriteArrayList<>();
  private final Map<String, String> homeViews = new ConcurrentHashMap<>();
  private final Map<String, ResponseTarget> responseTargets = new ConcurrentHashMap<>();
  private final Set<String> triggers = ConcurrentHashMap.newKeySet();
  private final List<Consumer<SlackTraffic>> listeners = new CopyOnWriteArrayList<>();

  /** A view the app opened or published, as the simulator stored it. */
  record StoredView(String id, String userId, JsonObject view, Instant time) {}

  /** A message or a view (exactly one is set) that holds an interactive element. */
  record ActionHolder(SlackMessage message, StoredView view) {}

  /** Unregisters a listener; closing twice is harmless. */
  @FunctionalInterface
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** A file between {@code files.getUploadURLExternal} and {@code files.completeUploadExternal}. */
  record PendingUpload(String name, int length, String altText, byte[] bytes) {}

  /** Who a {@code response_url} answers, and where. */
  record ResponseTarget(SimulatedUser user, String channel) {}

  private SlackSimulator(Builder config) {
    this.config = config;
    this.ids = new Ids(config.clock);
    this.rateLimits = new RateLimitPlan(config.clock);
    this.socketMode = new SocketModeEndpoint(config.appId);
    AtomicInteger threadNumber = new AtomicInteger();
    this.httpThreads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "slack-sim-http-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      socketMode.close();
      throw new UncheckedIOException("cannot bind the Slack simulator", e);
    }
    http.createContext("/api/", new WebApiHandler(this, new WebApiMethods(this)));
    http.createContext("/response/", new ResponseUrlHandler(this));
    http.createContext("/upload/", new UploadHandler(this));
    http.setExecutor(httpThreads);
    http.start();
    log.info("Slack simulator listening on {}", apiUrl());
  }

  /** Starts a simulator that accepts these tokens, with default team and bot names. */
  public static SlackSimulator start(String botToken, String appToken) {
    return builder().botToken(botToken).appToken(appToken).start();
  }

  /** A builder for a simulator with a custom clock, names or scopes. */
  public static Builder builder() {
    return new Builder();
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
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
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
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a user needs a name");
    }
    return usersByName.computeIfAbsent(
        name.toLowerCase(Locale.ROOT),
        handle -> {
          String id = ids.next('U');
          SimulatedUser user = new SimulatedUser(id, handle, "D" + id.substring(1));
          usersById.put(id, user);
          return user;
        });
  }

  /** A registered user by id ({@code U…}) or handle. */
  public Optional<SimulatedUser> findUser(String idOrName) {
    if (idOrName == null) {
      return Optional.empty();
    }
    SimulatedUser byId = usersById.get(idOrName);
    return byId != null
        ? Optional.of(byId)
        : Optional.ofNullable(usersByName.get(idOrName.toLowerCase(Locale.ROOT)));
  }

  // ---- recorded traffic
  // --------------------------------------------------------------------------

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
    return calls
        .await(c -> c.method().equals(method) && filter.test(c), timeout)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no matching "
                        + method
                        + " call within "
                        + timeout
                        + "; saw "
                        + calls(method)));
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
    return messages
        .await(filter, timeout)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no matching message within " + timeout + "; saw " + messages.snapshot()));
  }

  /** Waits for a message from the app in {@code user}'s DM with the app. */
  public SlackMessage awaitDirectMessage(SimulatedUser user, Duration timeout) {
    return awaitMessage(m -> m.channel().equals(user.dmChannelId()), timeout);
  }

  /** Every message posted to a {@code response_url}, in arrival order. */
  public List<ResponseMessage> responses() {
    return responses.snapshot();
  }

  /**
   * Waits for the first message posted to {@code response_url} {@code responseUrlId}.
   *
   * @throws AssertionError when none arrives within {@code timeout}
   */
  public ResponseMessage awaitResponse(String responseUrlId, Duration timeout) {
    return responses
        .await(r -> r.responseUrlId().equals(responseUrlId), timeout)
        .orElseThrow(
            () ->
                new AssertionError(
                    "nothing posted to response_url " + responseUrlId + " within " + timeout));
  }

  /**
   * Every file the app uploaded and shared ({@code files.completeUploadExternal}), in order.
   * Uploads never completed are not listed.
   */
  public List<SlackFile> files() {
    return files.snapshot();
  }

  /**
   * Waits for a shared file matching {@code filter} (already shared or arriving).
   *
   * @throws AssertionError listing the files seen when none matches within {@code timeout}
   */
  public SlackFile awaitFile(Predicate<SlackFile> filter, Duration timeout) {
    return files
        .await(filter, timeout)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no matching file within " + timeout + "; saw " + files.snapshot()));
  }

  /** Forgets recorded calls and responses (users, views and queued faults stay). */
  public void clearRecords() {
    calls.clear();
    responses.clear();
    messages.clear();
    files.clear();
  }

  // ---- faults and listeners
  // ----------------------------------------------------------------------

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
    listeners.add(Objects.requireNonNull(listener));
    return () -> listeners.remove(listener);
  }

  @Override
  public void close() {
    http.stop(0);
    httpThreads.shutdownNow();
    socketMode.close();
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

  /** The scopes the app was granted: the manifest's bot scopes unless the builder said others. */
  public Scopes scopes() {
    return config.scopes;
  }

  /** Whether the app opened {@code channelId} as a group DM. */
  boolean isGroupDm(String channelId) {
    return groupDms.containsValue(channelId);
  }

  void record(ApiCall call) {
    calls.append(call);
  }

  /** Records a response_url post; listeners and messages first, so waiters see all of it. */
  void recordResponse(ResponseMessage message) {
    ResponseTarget target = responseTargets.get(message.responseUrlId());
    String user = target == null ? "?" : target.user().name();
    if (target != null) {
      JsonElement blocks = message.json().get("blocks");
      recordMessage(
          new SlackMessage(
              target.channel(),
              ids.ts(),
              message.text() == null ? "" : message.text(),
              blocks != null && blocks.isJsonArray() ? blocks.getAsJsonArray() : new JsonArray(),
              message.isEphemeral(),
              message.isEphemeral() ? target.user().id() : null,
              "response_url",
              message.time()));
    }
    publish(
        new SlackTraffic(
            SlackTraffic.Direction.FROM_APP,
            "response_url",
            user,
            null,
            message.readableText(),
            message.time()));
    responses.append(message);
  }

  void recordMessage(SlackMessage message) {
    messages.append(message);
  }

  /** Starts an external upload; returns the file id. */
  String beginUpload(String name, int length, String altText) {
    String id = ids.next('F');
    uploads.put(id, new PendingUpload(name, length, altText, null));
    return id;
  }

  /** The {@code upload_url} of a pending upload. */
  String uploadUrl(String fileId) {
    return baseUri() + "upload/" + fileId;
  }

  /** Takes the bytes POSTed to an upload URL; false when the file is unknown or completed. */
  boolean receiveUpload(String fileId, byte[] bytes) {
    PendingUpload pending = uploads.get(fileId);
    if (pending == null) {
      return false;
    }
    uploads.put(
        fileId, new PendingUpload(pending.name(), pending.length(), pending.altText(), bytes));
    return true;
  }

  /** A pending upload, if the file id is one. */
  Optional<PendingUpload> pendingUpload(String fileId) {
    return Optional.ofNullable(uploads.get(fileId));
  }

  /** Completes an upload: the file is shared and listed in {@link #files()}. */
  void shareFile(SlackFile file) {
    uploads.remove(file.id());
    files.append(file);
  }

  /**
   * A fresh absolute {@code response_url} for something {@code user} does in {@code channelId}, for
   * a request built outside {@link SlackClient} (e.g. a recorded one).
   */
  public String issueResponseUrl(SimulatedUser user, String channelId) {
    return responseUrl(newResponseUrlId(user, channelId));
  }

  /** A fresh {@code trigger_id} that {@code views.open} accepts, for a request built by hand. */
  public String issueTriggerId() {
    return newTriggerId();
  }

  /** Issues a response URL id for an action by {@code user} in {@code channel}. */
  String newResponseUrlId(SimulatedUser user, String channel) {
    String id = ids.next('R');
    responseTargets.put(id, new ResponseTarget(user, channel));
    return id;
  }

  /** The newest message or view from the app that holds an element with {@code actionId}. */
  Optional<ActionHolder> latestHolderOf(String actionId) {
    List<SlackMessage> posted = messages.snapshot();
    SlackMessage message = null;
    for (int i = posted.size() - 1; i >= 0 && message == null; i--) {
      if (BlockSearch.find(posted.get(i).blocks(), actionId).isPresent()) {
        message = posted.get(i);
      }
    }
    StoredView view = null;
    for (int i = viewHistory.size() - 1; i >= 0 && view == null; i--) {
      if (BlockSearch.find(viewHistory.get(i).view().get("blocks"), actionId).isPresent()) {
        view = viewHistory.get(i);
      }
    }
    if (message == null && view == null) {
      return Optional.empty();
    }
    if (message == null || (view != null && view.time().isAfter(message.time()))) {
      return Optional.of(new ActionHolder(null, view));
    }
    return Optional.of(new ActionHolder(message, null));
  }

  String newTriggerId() {
    String trigger = ids.triggerId();
    triggers.add(trigger);
    return trigger;
  }

  boolean isIssuedTrigger(String triggerId) {
    return triggerId != null && triggers.contains(triggerId);
  }

  void storeView(String viewId, String userId, JsonObject view) {
    StoredView stored = new StoredView(viewId, userId, view, clock().instant());
    views.put(viewId, stored);
    viewHistory.add(stored);
  }

  /**
   * Slack shows the view an app answers a submission with ({@code response_action} {@code update}
   * or {@code push}) in place of, or on top of, the submitted one; so does the simulator.
   */
  void viewFromSubmissionAck(SimulatedUser user, Optional<StoredView> submitted, Ack ack) {
    JsonObject json = ack.json();
    if (json == null || !json.has("response_action") || !json.has("view")) {
      return;
    }
    String action = json.get("response_action").getAsString();
    if (!action.equals("update") && !action.equals("push")) {
      return;
    }
    String viewId =
        action.equals("update") && submitted.isPresent() ? submitted.get().id() : ids.next('V');
    JsonObject view = json.getAsJsonObject("view").deepCopy();
    view.addProperty("id", viewId);
    storeView(viewId, user.id(), view);
  }

  Optional<StoredView> view(String viewId) {
    return Optional.ofNullable(views.get(viewId));
  }

  /** The newest view with this callback id that the app opened, pushed or updated. */
  Optional<StoredView> latestViewWithCallback(String callbackId) {
    for (int i = viewHistory.size() - 1; i >= 0; i--) {
      StoredView view = viewHistory.get(i);
      if (callbackId.equals(BlockText.string(view.view(), "callback_id"))) {
        return Optional.of(view);
      }
    }
    return Optional.empty();
  }

  /** A group DM's channel id: one per set of members, as Slack reuses an open conversation. */
  String groupDmChannelId(java.util.Collection<String> memberIds) {
    String key = String.join(",", new java.util.TreeSet<>(memberIds));
    return groupDms.computeIfAbsent(key, k -> ids.next('G'));
  }

  /** Who is in a group DM the app opened; empty for any other channel. */
  public java.util.Set<String> groupDmMembers(String channelId) {
    return groupDms.entrySet().stream()
        .filter(e -> e.getValue().equals(channelId))
        .findFirst()
        .map(e -> java.util.Set.of(e.getKey().split(",")))
        .orElse(java.util.Set.of());
  }

  /** The group DM channel of these people, if the app opened one. */
  public Optional<String> groupDm(SimulatedUser... members) {
    java.util.List<String> idsOf = java.util.Arrays.stream(members).map(SimulatedUser::id).toList();
    return Optional.ofNullable(groupDms.get(String.join(",", new java.util.TreeSet<>(idsOf))));
  }

  /** The Home tab the app last published for {@code user}, if any. */
  Optional<StoredView> homeView(SimulatedUser user) {
    String id = homeViews.get(user.id());
    return id == null ? Optional.empty() : view(id);
  }

  String homeViewId(SimulatedUser user) {
    return homeViews.computeIfAbsent(user.id(), id -> ids.next('V'));
  }

  void publishFromApp(ApiCall call, String channel) {
    String addressee = call.param("user");
    if (addressee == null) {
      addressee = call.param("user_id");
    }
    if (addressee == null) {
      addressee = channel;
    }
    String who =
        findUser(addressee)
            .or(() -> userWithDm(channel))
            .map(SimulatedUser::name)
            .orElse(addressee);
    String text =
        call.payload() != null && call.payload().isJsonObject()
            ? BlockText.readable(null, call.payload().getAsJsonObject().get("blocks"))
            : BlockText.readable(call.text(), call.payload());
    if (call.param("initial_comment") != null || call.param("files") != null) {
      text = call.param("initial_comment") == null ? "" : call.param("initial_comment");
      for (SlackFile file : files.snapshot()) {
        if (file.time().equals(call.time()) && Objects.equals(file.channel(), channel)) {
          text += " [file " + file.name() + "]";
        }
      }
    }
    publish(
        new SlackTraffic(
            SlackTraffic.Direction.FROM_APP, call.method(), who, channel, text, call.time()));
  }

  private Optional<SimulatedUser> userWithDm(String channel) {
    return channel != null && channel.startsWith("D")
        ? Optional.ofNullable(usersById.get("U" + channel.substring(1)))
        : Optional.empty();
  }

  void publish(SlackTraffic traffic) {
    for (Consumer<SlackTraffic> listener : listeners) {
      try {
        listener.accept(traffic);
      } catch (RuntimeException e) {
        log.warn("a Slack traffic listener failed", e);
      }
    }
  }

  /**
   * Settings for a {@link SlackSimulator}. Defaults: tokens {@code xoxb-sim}/{@code xapp-sim}, team
   * {@code T0SIMTEAM} "Tandem Sim" at {@code tandem-sim}, bot "tandem", the system UTC clock.
   */
  public static final class Builder {
    private String botToken = "xoxb-sim";
    private String appToken = "xapp-sim";
    private String teamId = "T0SIMTEAM";
    private String teamDomain = "tandem-sim";
    private String teamName = "Tandem Sim";
    private String appId = "A0SIMAPP";
    private String botId = "B0SIMBOT";
    private String botUserId = "U0SIMBOT";
    private String botName = "tandem";
    private Scopes scopes;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The bot token to accept; must start with {@code xoxb-}. */
    public Builder botToken(String botToken) {
      this.botToken = requireToken(botToken, "xoxb-");
      return this;
    }

    /** The app-level token to accept; must start with {@code xapp-}. */
    public Builder appToken(String appToken) {
      this.appToken = requireToken(appToken, "xapp-");
      return this;
    }

    /** The workspace's id, domain and name. */
    public Builder team(String teamId, String teamDomain, String teamName) {
      this.teamId = Objects.requireNonNull(teamId);
      this.teamDomain = Objects.requireNonNull(teamDomain);
      this.teamName = Objects.requireNonNull(teamName);
      return this;
    }

    /** The bot's user name, as {@code auth.test} reports it. */
    public Builder botName(String botName) {
      this.botName = Objects.requireNonNull(botName);
      return this;
    }

    /**
     * The scopes the app was granted, instead of the bot scopes of {@code slack-app-manifest.yml}:
     * a bot call that needs a scope not among them is answered {@code missing_scope}, as Slack
     * does.
     */
    public Builder scopes(Scopes scopes) {
      this.scopes = Objects.requireNonNull(scopes);
      return this;
    }

    /** The clock for call times, message timestamps and {@code tz_offset}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Binds the servers and returns the running simulator. */
    public SlackSimulator start() {
      if (scopes == null) {
        scopes = Scopes.fromManifest();
      }
      return new SlackSimulator(this);
    }

    private static String requireToken(String token, String prefix) {
      if (token == null || !token.startsWith(prefix)) {
        throw new IllegalArgumentException("expected a token starting with " + prefix);
      }
      return token;
    }
  }
}
