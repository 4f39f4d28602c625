package io.tandem.simulator.slack;

import com.google.gson.JsonObject;

/**
 * Something a person did, ready to send: the Socket Mode envelope type and its payload. The HTTP
 * transport encodes the same payload the way Slack's HTTP requests do.
 *
 * @param envelopeType {@code slash_commands}, {@code interactive} or {@code events_api}
 * @param payload the payload: command fields, an interaction, or an event callback
 */
record Delivery(String envelopeType, JsonObject payload) {
  static final String SLASH_COMMANDS = "slash_commands";
  static final String INTERACTIVE = "interactive";
  static final String EVENTS_API = "events_api";
}
