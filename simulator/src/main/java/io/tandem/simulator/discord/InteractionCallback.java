package io.tandem.simulator.discord;

import com.google.gson.JsonObject;
import java.time.Duration;

/**
 * The bot's initial response to an interaction ({@code POST interactions/{id}/{token}/callback}).
 *
 * @param type 4 message, 5 deferred message, 6 deferred update, 7 update message, 9 modal
 * @param data the callback's {@code data}, or an empty object
 * @param latency time from the simulator dispatching the interaction to receiving this callback
 */
public record InteractionCallback(int type, JsonObject data, Duration latency) {
  public static final int CHANNEL_MESSAGE = 4;
  public static final int DEFERRED_CHANNEL_MESSAGE = 5;
  public static final int DEFERRED_UPDATE_MESSAGE = 6;
  public static final int UPDATE_MESSAGE = 7;
  public static final int MODAL = 9;

  public boolean deferred() {
    return type == DEFERRED_CHANNEL_MESSAGE || type == DEFERRED_UPDATE_MESSAGE;
  }

  /** Whether the callback itself asked for an ephemeral response (flags 64). */
  public boolean ephemeral() {
    return (Json.integer(data, "flags", 0) & DiscordMessage.EPHEMERAL) != 0;
  }
}
