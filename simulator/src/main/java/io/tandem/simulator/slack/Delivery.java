package io.tandem.simulator.slack;

import com.google.gson.JsonObject;

/**
 * Something a person did, ready to send: the Socket Mode envelope type and its payload. The HTTP
 * transport encodes the same payload the way Slack's HTTP requests do.
 *
 * @param envelopeType {@code slash_commands}, {@code interactive} or {@code events_api}
 * @param payload the payload: command fields, an interaction, or an event callback
 * @param retryNum 0 for the first delivery; Slack's retry number for a retried event
 * @param retryReason why Slack retried an event ({@code http_timeout}), or {@code null}
 */
record Delivery(String envelopeType, JsonObject payload, int retryNum, String retryReason) {
  static final String SLASH_COMMANDS = "slash_commands";
  static final String INTERACTIVE = "interactive";
  static final String EVENTS_API = "events_api";

  Delivery(String envelopeType, JsonObject payload) {
    this(envelopeType, payload, 0, null);
  }

  boolean isEvent() {
    return EVENTS_API.equals(envelopeType);
  }

  /** The same event again, as Slack's retry number {@code number}. */
  Delivery retry(int number, String reason) {
    return new Delivery(envelopeType, payload, number, reason);
  }
}
