package io.tandem.simulator.discord;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway half of the simulated Discord: plain JSON frames (the client must ask for no
 * compression), HELLO, IDENTIFY to READY plus a full GUILD_CREATE, heartbeat ACKs, member chunk
 * requests, and dispatches with a per-session sequence number.
 */
final class DiscordGateway extends WebSocketServer {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordGateway.class);
  private static final int HEARTBEAT_INTERVAL_MILLIS = 41_250;

  private final DiscordSimulator discord;
  private final CountDownLatch started = new CountDownLatch(1);
  private final Journal<String> identified = new Journal<>();
  private final Journal<Integer> intentsJournal = new Journal<>();
  private volatile Exception startFailure;

  DiscordGateway(DiscordSimulator discord) {
    super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.discord = discord;
    setReuseAddr(true);
    setDaemon(true);
    setConnectionLostTimeout(0);
  }

  void startAndWait() throws IOException {
    start();
    try {
      if (!started.await(10, TimeUnit.SECONDS)) {
        throw new IOException("The simulated gateway did not start within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while starting the simulated gateway", e);
    }
    if (startFailure != null) {
      throw new IOException("The simulated gateway did not start", startFailure);
    }
  }

  URI url() {
    return URI.create("ws://127.0.0.1:" + getPort());
  }

  void stopQuietly() {
    try {
      stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void awaitIdentified(Duration timeout) {
    identified.await(s -> true, 1, timeout, "a gateway IDENTIFY");
  }

  int identifiedSessions() {
    int count = 0;
    for (WebSocket connection : getConnections()) {
      Session session = connection.getAttachment();
      if (session != null && session.ready) {
        count++;
      }
    }
    return count;
  }

  /** Sends a dispatch to every identified session. */
  void dispatch(String type, JsonObject data) {
    dispatch(type, data, 0);
  }

  /** Sends a dispatch to every identified session that asked for all of {@code intents}. */
  void dispatch(String type, JsonObject data, int intents) {
    for (WebSocket connection : getConnections()) {
      Session session = connection.getAttachment();
      if (session != null && session.ready && (session.intents & intents) == intents) {
        session.dispatch(connection, type, data);
      }
    }
  }

  java.util.List<Integer> identifiedIntents() {
    return intentsJournal.snapshot();
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    Session session = new Session();
    connection.setAttachment(session);
    JsonObject hello = new JsonObject();
    hello.addProperty("heartbeat_interval", HEARTBEAT_INTERVAL_MILLIS);
    session.send(connection, 10, hello, null);
  }

  @Override
  public void onMessage(WebSocket connection, String message) {
    Session session = connection.getAttachment();
    JsonObject frame = Json.parseObject(message);
    int op = Json.integer(frame, "op", -1);
    JsonElement d = frame.get("d");
    switch (op) {
      case 1 -> session.send(connection, 11, null, null);
      case 2 -> identify(connection, session, d.getAsJsonObject());
      case 6 -> resume(connection, session, d.getAsJsonObject());
      case 8 -> {
        JsonObject request = d.getAsJsonObject();
        session.dispatch(
            connection,
            "GUILD_MEMBERS_CHUNK",
            discord.json().membersChunk(Json.string(request, "nonce", null)));
      }
      case 3, 4 -> {
        // presence and voice state updates need no answer here
      }
      default -> LOG.debug("Simulated gateway ignores op {}", op);
    }
  }

  private void identify(WebSocket connection, Session session, JsonObject identify) {
    if (!discord.botToken().equals(Json.string(identify, "token", ""))) {
      connection.close(4004, "Authentication failed.");
      return;
    }
    int intents = Json.integer(identify, "intents", 0);
    intentsJournal.append(intents);
    if (!discord.allowsIntents(intents)) {
      connection.close(4014, "Disallowed intent(s).");
      return;
    }
    session.intents = intents;
    session.sessionId = UUID.randomUUID().toString().replace("-", "");
    session.dispatch(connection, "READY", discord.json().ready(session.sessionId, url()));
    session.dispatch(connection, "GUILD_CREATE", discord.json().guildCreate());
    session.ready = true;
    identified.append(session.sessionId);
  }

  private void resume(WebSocket connection, Session session, JsonObject resume) {
    // Sessions do not survive a reconnect here: ask the client to identify afresh.
    session.send(connection, 9, null, false);
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    LOG.debug("Simulated gateway connection closed: {} {}", code, reason);
  }

  @Override
  public void onError(WebSocket connection, Exception ex) {
    if (connection == null) {
      startFailure = ex;
      started.countDown();
    } else {
      LOG.debug("Simulated gateway connection error", ex);
    }
  }

  /** One gateway connection: its sequence counter and whether it has identified. */
  private static final class Session {
    private int sequence;
    private volatile boolean ready;
    private volatile String sessionId;
    private volatile int intents;

    synchronized void dispatch(WebSocket connection, String type, JsonObject data) {
      sequence++;
      JsonObject frame = new JsonObject();
      frame.addProperty("op", 0);
      frame.addProperty("s", sequence);
      frame.addProperty("t", type);
      frame.add("d", data);
      write(connection, frame);
    }

    synchronized void send(WebSocket connection, int op, JsonObject data, Boolean flag) {
      JsonObject frame = new JsonObject();
      frame.addProperty("op", op);
      if (data != null) {
        frame.add("d", data);
      } else if (flag != null) {
        frame.addProperty("d", flag);
      } else {
        frame.add("d", JsonNull.INSTANCE);
      }
      frame.add("s", JsonNull.INSTANCE);
      frame.add("t", JsonNull.INSTANCE);
      write(connection, frame);
    }

    private static void write(WebSocket connection, JsonObject frame) {
      if (connection.isOpen()) {
        connection.send(Json.GSON.toJson(frame));
      }
    }
  }
}
