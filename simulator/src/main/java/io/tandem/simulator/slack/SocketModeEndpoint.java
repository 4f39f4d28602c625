package io.tandem.simulator.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode side of the simulator: a websocket server on loopback that the app reaches
 * through {@code apps.connections.open}.
 *
 * <p>On connect it sends {@code hello}; it sends envelopes and matches the app's acks to them,
 * answers websocket pings with pongs carrying the same payload (Bolt's clients check that), and can
 * ask the app to reconnect. Thread-safe: tests call it from their thread, the websocket library
 * calls back on its own threads.
 */
public final class SocketModeEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SocketModeEndpoint.class);

  private final String appId;
  private final Server server;
  private final Set<String> tickets = ConcurrentHashMap.newKeySet();
  private final List<WebSocket> open = new CopyOnWriteArrayList<>();
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Journal<SocketAck> acks = new Journal<>();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger pings = new AtomicInteger();
  private final Object connectionMonitor = new Object();

  private record Pending(String type, long sentNanos, CompletableFuture<SocketAck> ack) {}

  SocketModeEndpoint(String appId) {
    this.appId = appId;
    this.server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    server.startAndWait();
  }

  /** Issues a single-use {@code ws://} URL, as {@code apps.connections.open} does. */
  String issueUrl() {
    String ticket = UUID.randomUUID().toString();
    tickets.add(ticket);
    return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=" + ticket + "&app_id=" + appId;
  }

  /** How many websocket connections the app has opened so far (reconnects count again). */
  public int connectionsOpened() {
    return opened.get();
  }

  /** How many connections are open right now. */
  public int openConnections() {
    return open.size();
  }

  /** How many websocket pings the simulator has answered with a pong. */
  public int pingsAnswered() {
    return pings.get();
  }

  /** Every ack received so far, in arrival order. */
  public List<SocketAck> acks() {
    return acks.snapshot();
  }

  /**
   * Waits until at least {@code count} connections have been opened in total.
   *
   * @throws AssertionError when that does not happen within {@code timeout}
   */
  public void awaitConnectionsOpened(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (connectionMonitor) {
      while (opened.get() < count || open.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "expected " + count + " Socket Mode connection(s), saw " + opened.get());
        }
        try {
          connectionMonitor.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for a connection", e);
        }
      }
    }
  }

  /** Waits until the app has an open connection; see {@link #awaitConnectionsOpened}. */
  public void awaitConnected(Duration timeout) {
    awaitConnectionsOpened(1, timeout);
  }

  /**
   * Sends an envelope to the newest open connection.
   *
   * @param type {@code slash_commands}, {@code interactive} or {@code events_api}
   * @param payload the envelope's payload
   * @return completes with the app's ack; fails at once when no connection is open
   */
  public CompletableFuture<SocketAck> send(String type, JsonObject payload) {
    return send(type, payload, 0, null);
  }

  /**
   * Sends an envelope; an {@code events_api} envelope carries {@code retry_attempt} and {@code
   * retry_reason}, as Slack's do (0 and empty the first time).
   */
  public CompletableFuture<SocketAck> send(
      String type, JsonObject payload, int retryAttempt, String retryReason) {
    String envelopeId = UUID.randomUUID().toString();
    JsonObject envelope = new JsonObject();
    envelope.addProperty("envelope_id", envelopeId);
    envelope.add("payload", payload);
    envelope.addProperty("type", type);
    envelope.addProperty("accepts_response_payload", !"events_api".equals(type));
    if ("events_api".equals(type)) {
      envelope.addProperty("retry_attempt", retryAttempt);
      envelope.addProperty("retry_reason", retryReason == null ? "" : retryReason);
    }
    Pending entry = new Pending(type, System.nanoTime(), new CompletableFuture<>());
    pending.put(envelopeId, entry);
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).send(envelope.toString());
        return entry.ack();
      } catch (WebsocketNotConnectedException | IndexOutOfBoundsException e) {
        log.debug("connection closed while sending; trying an older one");
      }
    }
    pending.remove(envelopeId);
    entry.ack().completeExceptionally(new IllegalStateException("no open Socket Mode connection"));
    return entry.ack();
  }

  /**
   * Waits for a connection, sends an envelope and waits for its ack.
   *
   * @throws AssertionError when there is no connection or no ack within {@code timeout}
   */
  public SocketAck deliver(String type, JsonObject payload, Duration timeout) {
    return deliver(type, payload, 0, null, timeout);
  }

  /** As {@link #deliver(String, JsonObject, Duration)}, as Slack's retry {@code retryAttempt}. */
  public SocketAck deliver(
      String type, JsonObject payload, int retryAttempt, String retryReason, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    awaitConnected(timeout);
    CompletableFuture<SocketAck> ack = send(type, payload, retryAttempt, retryReason);
    try {
      return ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the app did not ack a " + type + " envelope within " + timeout);
    } catch (ExecutionException e) {
      throw new AssertionError("could not deliver a " + type + " envelope", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for an ack", e);
    }
  }

  /**
   * Sends {@code {"type":"disconnect","reason":"refresh_requested"}} on every open connection, as
   * Slack does every few hours; the app should call {@code apps.connections.open} again.
   */
  public void requestReconnect() {
    JsonObject disconnect = new JsonObject();
    disconnect.addProperty("type", "disconnect");
    disconnect.addProperty("reason", "refresh_requested");
    JsonObject debug = new JsonObject();
    debug.addProperty("host", "applink-simulator");
    debug.addProperty("connection_id", UUID.randomUUID().toString());
    disconnect.add("debug_info", debug);
    for (WebSocket connection : open) {
      if (connection.isOpen()) {
        connection.send(disconnect.toString());
      }
    }
  }

  /** Closes every connection and stops the server; pending acks fail. */
  @Override
  public void close() {
    try {
      server.stop(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pending.values().forEach(p -> p.ack().cancel(false));
    pending.clear();
  }

  private void onAck(JsonObject message) {
    JsonElement id = message.get("envelope_id");
    Pending entry = id == null || !id.isJsonPrimitive() ? null : pending.remove(id.getAsString());
    if (entry == null) {
      log.debug("Socket Mode message without a pending envelope: {}", message);
      return;
    }
    JsonElement payload = message.get("payload");
    SocketAck ack =
        new SocketAck(
            id.getAsString(),
            entry.type(),
            payload != null && payload.isJsonObject() ? payload.getAsJsonObject() : null,
            Duration.ofNanos(System.nanoTime() - entry.sentNanos()));
    acks.append(ack);
    entry.ack().complete(ack);
  }

  private JsonObject hello() {
    JsonObject hello = new JsonObject();
    hello.addProperty("type", "hello");
    hello.addProperty("num_connections", open.size());
    JsonObject debug = new JsonObject();
    debug.addProperty("host", "applink-simulator");
    debug.addProperty("build_number", 1);
    debug.addProperty("approximate_connection_time", 18_060);
    hello.add("debug_info", debug);
    JsonObject info = new JsonObject();
    info.addProperty("app_id", appId);
    hello.add("connection_info", info);
    return hello;
  }

  private final class Server extends WebSocketServer {
    private final CountDownLatch started = new CountDownLatch(1);

    Server(InetSocketAddress address) {
      super(address);
      setReuseAddr(true);
      setDaemon(true);
    }

    void startAndWait() {
      start();
      try {
        if (!started.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("Socket Mode server did not start");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting", e);
      }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
        WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
      String ticket = Optional.ofNullable(ticketOf(request.getResourceDescriptor())).orElse("");
      if (!tickets.remove(ticket)) {
        throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "unknown or used ticket");
      }
      return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onStart() {
      started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      open.add(conn);
      opened.incrementAndGet();
      conn.send(hello().toString());
      synchronized (connectionMonitor) {
        connectionMonitor.notifyAll();
      }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      open.remove(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      try {
        JsonElement json = JsonParser.parseString(message);
        if (json.isJsonObject()) {
          onAck(json.getAsJsonObject());
        }
      } catch (RuntimeException e) {
        log.debug("ignoring a Socket Mode message that is not JSON: {}", message);
      }
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata frame) {
      pings.incrementAndGet();
      super.onWebsocketPing(conn, frame);
    }

    @Override
    public void onError(WebSocket conn, Exception e) {
      log.debug("Socket Mode connection error", e);
    }
  }

  private static String ticketOf(String resource) {
    String query = URI.create(resource).getRawQuery();
    return Forms.decode(query).get("ticket");
  }
}
