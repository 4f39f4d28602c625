package io.tandem.simulator.discord;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.time.Instant;

/**
 * One REST request the simulator received.
 *
 * @param method HTTP method, upper case
 * @param route the route template without the {@code /api/v10/} prefix, e.g. {@code
 *     interactions/{id}/{token}/callback}; {@code ?} when the simulator does not know the route
 * @param path the actual path without the {@code /api/v10/} prefix and without the query
 * @param query the raw query string, or empty
 * @param body the JSON body ({@code payload_json} for multipart), or {@link JsonNull}
 * @param status the status the simulator answered with
 * @param time when it arrived, by the simulator's clock
 */
public record RestCall(
    String method,
    String route,
    String path,
    String query,
    JsonElement body,
    int status,
    Instant time) {

  /** Whether this call is {@code method} on {@code route}, e.g. ("PUT", "applications/…"). */
  public boolean is(String method, String route) {
    return this.method.equalsIgnoreCase(method) && this.route.equals(route);
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
  }
}
