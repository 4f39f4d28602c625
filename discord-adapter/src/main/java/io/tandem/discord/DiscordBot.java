package io.tandem.discord;

import io.tandem.config.DiscordConfig;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.HandleMembershipUseCase;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.IntakeUseCase;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.AnswerPort;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tandem on Discord: a light JDA client that registers {@code /tandem} and hands every interaction
 * to the core through the {@link IntakeUseCase}, which stores it before it is acknowledged; the
 * intake answers through {@link #answers()}.
 *
 * <p>Lifecycle: construct, {@link #start(Duration)} (logs in, waits for the gateway, registers the
 * command in each configured guild, or globally when none), then {@link #close()}. The REST base
 * and the gateway URL come from {@link DiscordConfig}, so the same code runs against Discord, a
 * REST proxy or the simulator.
 */
public final class DiscordBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

  private final DiscordConfig config;
  private final IntakeUseCase intake;
  private final ExecutorService workers;
  private volatile JDA jda;
  private volatile io.tandem.core.port.out.Metrics metrics = io.tandem.core.port.out.Metrics.NONE;
  private volatile HandleMembershipUseCase membership = HandleMembershipUseCase.NONE;
  private final java.time.Clock clock;
  private volatile InteractionHandler handler;

  /**
   * A bot with its own small pool of worker threads for storing interactions in the intake.
   *
   * @param config a configured Discord (with a bot token)
   * @param intake where every interaction is stored and run
   * @param clock the intake's clock: it stamps when each interaction came, which decides whether
   *     Discord still takes its answer
   */
  public DiscordBot(DiscordConfig config, IntakeUseCase intake, java.time.Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.intake = Objects.requireNonNull(intake, "intake");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.workers = defaultWorkers();
    if (!config.configured()) {
      throw new IllegalArgumentException("Discord is not configured (no bot token)");
    }
  }

  /** Reports how long each acknowledgement takes to {@code metrics}; call before {@link #start}. */
  public DiscordBot withMetrics(io.tandem.core.port.out.Metrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    return this;
  }

  /**
   * Tells {@code membership} when people leave or join a server; call before {@link #start}. Only
   * with {@link DiscordConfig#trackDepartures()}: Discord sends these events only to bots that ask
   * for the privileged Server Members intent, which the bot then does.
   */
  public DiscordBot withMembership(HandleMembershipUseCase membership) {
    this.membership = Objects.requireNonNull(membership, "membership");
    return this;
  }

  /**
   * Connects, waits until the gateway is ready and registers {@code /tandem}.
   *
   * @throws io.tandem.core.kernel.SetupFailure when Discord refuses the token or an intent, cannot
   *     be reached, or registration fails or does not finish within {@code timeout}; the client is
   *     shut down then
   */
  public DiscordBot start(Duration timeout) {
    if (jda != null) {
      throw new IllegalStateException("already started");
    }
    String gateway = config.gatewayUrl().toString();
    handler = handler();
    GatewayEvents events = new GatewayEvents();
    JDA client = login(builder(gateway, events));
    this.jda = client;
    try {
      if (!events.ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw DiscordStartFailures.notReady(gateway, config.restUrl().toString(), timeout);
      }
      CloseCode refused = events.refused.get();
      if (refused != null || client.getStatus() == JDA.Status.SHUTDOWN) {
        throw DiscordStartFailures.closed(gateway, refused);
      }
      registerCommands(client, timeout);
      LOG.info("Discord bot {} is up", client.getSelfUser().getName());
      return this;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      client.shutdownNow();
      throw new IllegalStateException("Interrupted while starting the Discord bot", e);
    } catch (RuntimeException e) {
      client.shutdownNow();
      throw e;
    }
  }

  /** A light client against the configured REST base and gateway, with Tandem's listeners. */
  private JDABuilder builder(String gateway, GatewayEvents events) {
    return JDABuilder.createLight(
            config.botToken(),
            config.trackDepartures()
                ? EnumSet.of(GatewayIntent.GUILD_MEMBERS)
                : EnumSet.noneOf(GatewayIntent.class))
        .setRestConfig(new RestConfig().setBaseUrl(config.restUrl().toString()))
        .setSessionController(
            new ConcurrentSessionController() {
              @Override
              public String getGateway() {
                return gateway;
              }
            })
        .setCompression(Compression.NONE)
        .setRateLimitElastic(rateLimitWorkers(), true)
        .setEnableShutdownHook(false)
        .addEventListeners(events, handler);
  }

  /** The gateway's word on the session (ready, or closed for good) and on who joins or leaves. */
  private final class GatewayEvents extends ListenerAdapter {
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicReference<CloseCode> refused = new AtomicReference<>();

    @Override
    public void onReady(ReadyEvent event) {
      ready.countDown();
    }

    /** Discord refused the connection for good (a bad token, intents): fail fast. */
    @Override
    public void onShutdown(ShutdownEvent event) {
      if (event.getCloseCode() != null) {
        refused.set(event.getCloseCode());
      }
      ready.countDown();
    }

    @Override
    public void onGuildMemberRemove(GuildMemberRemoveEvent event) {
      membershipChanged(event.getGuild().getId(), event.getUser().getId(), true);
    }

    @Override
    public void onGuildMemberJoin(GuildMemberJoinEvent event) {
      membershipChanged(event.getGuild().getId(), event.getUser().getId(), false);
    }
  }

  /** Builds the client, which logs in over REST first: a refused token or no network fail here. */
  private JDA login(JDABuilder builder) {
    try {
      return builder.build();
    } catch (InvalidTokenException e) {
      throw DiscordStartFailures.tokenRefused(
          "the REST API refused it (" + e.getMessage() + ")", e);
    } catch (ErrorResponseException e) {
      // an I/O error on that first request means Discord is out of reach
      if (e.getCause() instanceof java.io.IOException) {
        throw DiscordStartFailures.unreachable(config.restUrl().toString(), e);
      }
      throw e;
    }
  }

  private InteractionHandler handler() {
    return new InteractionHandler(
        intake,
        new DiscordActors(config.adminRole(), config.guildIds()),
        workers,
        new FormShelf(clock),
        metrics,
        clock);
  }

  /** How the intake answers commands this bot stored; answers nothing before {@link #start}. */
  public AnswerPort answers() {
    return new AnswerPort() {
      @Override
      public Actor actor(InboundRequest request) {
        // the roles were read when the interaction came
        return request.actor(null, false);
      }

      @Override
      public boolean answer(InboundRequest request, Reply reply) {
        InteractionHandler current = handler;
        return current != null && current.answer(request, reply, jda());
      }
    };
  }

  /** Hands a departure or arrival to the core on a worker, never on JDA's event thread. */
  private void membershipChanged(String guildId, String userId, boolean left) {
    if (!config.trackDepartures()) {
      return;
    }
    try {
      workers.execute(
          () -> {
            if (left) {
              membership.memberLeft(Platform.DISCORD, guildId, userId);
            } else {
              membership.memberReturned(Platform.DISCORD, guildId, userId);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.warn("Dropped a membership change of {} while shutting down", userId);
    }
  }

  private void registerCommands(JDA client, Duration timeout) throws InterruptedException {
    if (config.globalCommands()) {
      await(client.updateCommands().addCommands(TandemCommand.definitions()), timeout, "global");
      return;
    }
    for (String guildId : config.guildIds()) {
      Guild guild = client.getGuildById(guildId);
      if (guild == null) {
        LOG.warn("The bot is not in guild {}; /tandem is not registered there", guildId);
        continue;
      }
      await(guild.updateCommands().addCommands(TandemCommand.definitions()), timeout, guildId);
    }
  }

  private static void await(CommandListUpdateAction action, Duration timeout, String scope)
      throws InterruptedException {
    try {
      action.submit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("Registered /{} in {}", TandemCommand.NAME, scope);
    } catch (ExecutionException e) {
      throw DiscordStartFailures.registrationRefused(scope, e.getCause());
    } catch (TimeoutException e) {
      throw DiscordStartFailures.registrationSlow(scope, timeout);
    }
  }

  /** Whether the gateway connection is up (JDA's status is CONNECTED); for readiness probes. */
  public boolean connected() {
    JDA client = jda;
    return client != null && client.getStatus() == JDA.Status.CONNECTED;
  }

  /** The running client (for wiring outbound delivery and tests). */
  public JDA jda() {
    JDA client = jda;
    if (client == null) {
      throw new IllegalStateException("not started");
    }
    return client;
  }

  @Override
  public void close() {
    JDA client = jda;
    if (client != null) {
      client.shutdown();
      try {
        if (!client.awaitShutdown(Duration.ofSeconds(5))) {
          client.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        client.shutdownNow();
      }
    }
    workers.shutdown();
  }

  /**
   * JDA's own pool for sending requests, with one change: a stop that interrupts a request waiting
   * to retry makes JDA throw from the worker ("Unable to acquire lock while thread is
   * interrupted"), which the JVM would print as a stack trace on stderr. Here it is one log line.
   */
  private static ExecutorService rateLimitWorkers() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(
        r -> {
          Thread thread = new Thread(r, "discord-rest-" + count.incrementAndGet());
          thread.setDaemon(true);
          thread.setUncaughtExceptionHandler(
              (t, e) -> LOG.warn("Discord request stopped on {}: {}", t.getName(), e.toString()));
          return thread;
        });
  }

  private static ExecutorService defaultWorkers() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        4,
        r -> {
          Thread thread = new Thread(r, "discord-core-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
