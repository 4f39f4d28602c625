package io.tandem.simulator.slack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Sends the requests Slack would never send to an app's events URL, over a real socket: any body,
 * correctly signed or not, with a timestamp from any time, or bigger than the app accepts. For
 * tests of what an app does with hostile and broken requests; {@link SlackClient} sends the proper
 * ones.
 */
public final class RawSlackRequests {

  /** What the app answered: its HTTP status and body. */
  public record Answer(int status, String body) {}

  /** Signed bodies no real Slack sends, none of which an app can make sense of. */
  public enum Broken {
    EMPTY(""),
    NOT_A_FORM("%zz=%%%"),
    NEITHER_COMMAND_NOR_PAYLOAD(form(Map.of("text", "log 45m"))),
    INVALID_JSON(payload("{\"type\":\"block_actions\",")),
    JSON_ARRAY(payload("[1,2,3]")),
    JSON_STRING_WITH_LINE_BREAK(payload("\"x\\nERROR forged line\"")),
    UNKNOWN_TYPE(payload("{\"type\":\"forged\\nERROR forged line\",\"user\":{\"id\":\"U1\"}}")),
    TYPE_NOT_TEXT(payload("{\"type\":{\"nested\":true}}")),
    WRONG_TYPES(
        payload("{\"type\":\"block_actions\",\"user\":\"U1\",\"team\":7,\"actions\":\"x\"}")),
    VIEW_WITHOUT_VIEW(payload("{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"}}")),
    EVENT_WITHOUT_EVENT("{\"type\":\"event_callback\",\"team_id\":\"T1\"}"),
    NESTED_300_DEEP(
        payload("{\"type\":\"block_actions\",\"x\":" + "[".repeat(300) + "]".repeat(300) + "}")),
    NESTED_100000_DEEP(payload("[".repeat(100_000)));

    private final String body;

    Broken(String body) {
      this.body = body;
    }

    public String body() {
      return body;
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI eventsUrl;
  private final String signingSecret;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  public RawSlackRequests(URI eventsUrl, String signingSecret, Clock clock) {
    this.eventsUrl = eventsUrl;
    this.signingSecret = signingSecret;
    this.clock = clock;
  }

  /** A form body, each name and value URL-encoded, e.g. a slash command's fields. */
  public static String form(Map<String, String> fields) {
    return Forms.encode(fields);
  }

  /**
   * An interactive request's body: the form with one {@code payload} field holding {@code json}.
   */
  public static String payload(String json) {
    return Forms.encode(Map.of("payload", json));
  }

  /** Posts {@code body} signed properly, timestamped now. */
  public Answer signed(String body) {
    return signedAt(body, Duration.ZERO);
  }

  /** Posts {@code body} signed properly, timestamped {@code skew} from now (negative: the past). */
  public Answer signedAt(String body, Duration skew) {
    long timestamp = clock.instant().plus(skew).getEpochSecond();
    return post(
        body, Long.toString(timestamp), SlackSignature.sign(signingSecret, timestamp, body));
  }

  /** Posts {@code body} without any signature headers. */
  public Answer unsigned(String body) {
    return post(body, null, null);
  }

  private Answer post(String body, String timestamp, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(eventsUrl)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (timestamp != null) {
      request.header("X-Slack-Request-Timestamp", timestamp);
      request.header("X-Slack-Signature", signature);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("no answer from " + eventsUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + eventsUrl, e);
    }
  }

  /**
   * Declares a body of {@code declaredLength} bytes but sends only {@code sentBytes} of it, then
   * reads the answer: an app that reads bodies in full would wait for the rest.
   */
  public Answer oversizedByLength(long declaredLength, int sentBytes) {
    String head =
        "POST "
            + eventsUrl.getRawPath()
            + " HTTP/1.1\r\nHost: "
            + eventsUrl.getHost()
            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
            + declaredLength
            + "\r\nConnection: close\r\n\r\n";
    return raw(head.getBytes(StandardCharsets.US_ASCII), filler(sentBytes));
  }

  /**
   * Sends a chunked body (no length declared) of {@code sentBytes} bytes, then reads the answer.
   */
  public Answer oversizedChunked(int sentBytes) {
    String head =
        "POST "
            + eventsUrl.getRawPath()
            + " HTTP/1.1\r\nHost: "
            + eventsUrl.getHost()
            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked"
            + "\r\nConnection: close\r\n\r\n";
    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    int chunk = 64 * 1024;
    for (int sent = 0; sent < sentBytes; sent += chunk) {
      int size = Math.min(chunk, sentBytes - sent);
      chunks.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      chunks.writeBytes(filler(size));
      chunks.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return raw(head.getBytes(StandardCharsets.US_ASCII), chunks.toByteArray());
  }

  private static byte[] filler(int size) {
    byte[] bytes = new byte[size];
    java.util.Arrays.fill(bytes, (byte) 'a');
    return bytes;
  }

  private Answer raw(byte[] head, byte[] body) {
    try (Socket socket = new Socket(eventsUrl.getHost(), eventsUrl.getPort())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(head);
      out.write(body);
      out.flush();
      return readAnswer(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("no answer from " + eventsUrl, e);
    }
  }

  /** The status line's code and whatever body follows the headers, until the server closes. */
  private static Answer readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    try {
      while ((n = in.read(buffer)) > 0) {
        received.write(buffer, 0, n);
        String sofar = received.toString(StandardCharsets.ISO_8859_1);
        int end = sofar.indexOf("\r\n\r\n");
        if (end >= 0 && bodyComplete(sofar, end)) {
          break;
        }
      }
    } catch (java.net.SocketException e) {
      // the server may close the connection right after its answer; what came is enough
    }
    String text = received.toString(StandardCharsets.ISO_8859_1);
    if (!text.startsWith("HTTP/1.1 ")) {
      throw new IOException("no HTTP answer, got: " + text);
    }
    int status = Integer.parseInt(text.substring(9, 12));
    int end = text.indexOf("\r\n\r\n");
    return new Answer(status, end < 0 ? "" : text.substring(end + 4));
  }

  private static boolean bodyComplete(String received, int headerEnd) {
    for (String line : received.substring(0, headerEnd).split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        int length = Integer.parseInt(line.substring(15).strip());
        return received.length() - headerEnd - 4 >= length;
      }
    }
    return false;
  }
}
