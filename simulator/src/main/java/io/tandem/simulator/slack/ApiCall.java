package io.tandem.simulator.slack;

import com.google.gson.JsonElement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One Web API call the app made to the simulator, as Slack would have seen it.
 *
 * @param method the API method, e.g. {@code chat.postMessage}
 * @param params the arguments as strings (form fields, or top-level JSON members)
 * @param payload the parsed {@code view} or {@code blocks} argument, or {@code null} when absent
 * @param token the token the app sent (bearer header, else the {@code token} argument), or null
 * @param status the HTTP status the simulator answered with (429 or 5xx for injected faults)
 * @param time when the simulator received the call, by its clock
 */
public record ApiCall(
    String method,
    Map<String, String> params,
    JsonElement payload,
    String token,
    int status,
    Instant time) {

  public ApiCall {
    params = Map.copyOf(params);
  }

  /** The argument {@code name}, or {@code null}. */
  public String param(String name) {
    return params.get(name);
  }

  /** The {@code text} argument, or {@code null}. */
  public String text() {
    return params.get("text");
  }

  /** The {@code channel} argument, or {@code null}. */
  public String channel() {
    return params.get("channel");
  }

  /** The parsed {@code view} or {@code blocks} argument, if any. */
  public Optional<JsonElement> payloadJson() {
    return Optional.ofNullable(payload);
  }

  /** True when the simulator answered with HTTP 200 (the body may still say {@code ok:false}). */
  public boolean delivered() {
    return status == 200;
  }
}
