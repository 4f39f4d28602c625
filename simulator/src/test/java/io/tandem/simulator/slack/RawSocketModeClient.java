package io.tandem.simulator.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.handshake.ServerHandshake;

/** A bare websocket client playing the app's side of Socket Mode, frame by frame. */
final class RawSocketModeClient extends WebSocketClient {
  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();

  RawSocketModeClient(String url) {
    super(URI.create(url));
  }

  /** The next JSON message from the server, or null after five seconds. */
  JsonObject nextMessage() throws InterruptedException {
    return messages.poll(5, TimeUnit.SECONDS);
  }

  /** Sends a ping with {@code payload} and returns the pong's payload, or null. */
  String ping(String payload) throws InterruptedException {
    PingFrame ping = new PingFrame();
    ping.setPayload(ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)));
    sendFrame(ping);
    return pongs.poll(5, TimeUnit.SECONDS);
  }

  @Override
  public void onOpen(ServerHandshake handshake) {}

  @Override
  public void onMessage(String message) {
    messages.add(JsonParser.parseString(message).getAsJsonObject());
  }

  @Override
  public void onWebsocketPong(WebSocket conn, Framedata frame) {
    ByteBuffer data = frame.getPayloadData();
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    pongs.add(new String(bytes, StandardCharsets.UTF_8));
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {}

  @Override
  public void onError(Exception e) {}
}
