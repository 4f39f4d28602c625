package io.tandem.simulator.slack;

import com.google.gson.JsonObject;
import java.time.Duration;

/**
 * The app's acknowledgement of one Socket Mode envelope.
 *
 * @param envelopeId the envelope it acknowledges
 * @param envelopeType {@code slash_commands}, {@code interactive} or {@code events_api}
 * @param payload the ack's {@code payload} member (e.g. {@code {"text":"…"}} or {@code
 *     {"response_action":"errors",…}}), or {@code null} for a bare ack
 * @param latency time from sending the envelope to receiving the ack
 */
public record SocketAck(
    String envelopeId, String envelopeType, JsonObject payload, Duration latency) {}
