package io.tandem.demo;

import static org.awaitility.Awaitility.await;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium driven through Debian's {@code chromedriver} with the W3C WebDriver protocol: a
 * new session, navigate, run a script, take a screenshot, end. A few plain HTTP calls, so the tests
 * need no Selenium and download nothing.
 */
final class Chromium implements AutoCloseable {

  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path BROWSER = Path.of("/usr/bin/chromium");

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Gson GSON = new Gson();

  private final Process driver;
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();
  private String session;

  /** Whether Chromium and its driver are installed here ({@code .ci/run} installs them). */
  static boolean installed() {
    return Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER);
  }

  private Chromium(Process driver, URI base) {
    this.driver = driver;
    this.base = base;
  }

  /** Starts chromedriver on a free loopback port and opens a headless browser session. */
  static Chromium start(Path logFile) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder(DRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .start();
    Chromium chromium = new Chromium(process, URI.create("http://127.0.0.1:" + port + "/"));
    try {
      await()
          .atMost(TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(
              () ->
                  chromium
                      .call("GET", "status", null)
                      .getAsJsonObject()
                      .get("ready")
                      .getAsBoolean());
      Map<String, Object> options =
          Map.of(
              "binary",
              BROWSER.toString(),
              "args",
              List.of(
                  "--headless=new",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-dev-shm-usage",
                  "--window-size=1400,2200"));
      JsonObject created =
          chromium
              .call(
                  "POST",
                  "session",
                  Map.of(
                      "capabilities",
                      Map.of(
                          "alwaysMatch",
                          Map.of("browserName", "chrome", "goog:chromeOptions", options))))
              .getAsJsonObject();
      chromium.session = created.get("sessionId").getAsString();
      return chromium;
    } catch (RuntimeException | IOException e) {
      chromium.close();
      throw e;
    }
  }

  /** Opens a page and waits until it has loaded. */
  void open(String url) throws IOException {
    call("POST", "session/" + session + "/url", Map.of("url", url));
  }

  /** Runs a script in the page ({@code return …}) and gives back its JSON result. */
  JsonElement script(String script) throws IOException {
    return call(
        "POST",
        "session/" + session + "/execute/sync",
        Map.of("script", script, "args", List.of()));
  }

  String text(String script) throws IOException {
    JsonElement value = script(script);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  /** Saves a PNG of the viewport. */
  void screenshot(Path file) throws IOException {
    String png = call("GET", "session/" + session + "/screenshot", null).getAsString();
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(png));
  }

  private JsonElement call(String method, String path, Object body) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(GSON.toJson(body)));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
    JsonElement value = json.get("value");
    if (response.statusCode() != 200) {
      throw new IOException("WebDriver " + method + " " + path + ": " + value);
    }
    return value;
  }

  @Override
  public void close() {
    try {
      if (session != null) {
        call("DELETE", "session/" + session, null);
      }
    } catch (IOException | RuntimeException e) {
      // the driver goes below anyway
    } finally {
      driver.destroy();
      try {
        driver.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** For scripts returning lists. */
  static JsonArray array(JsonElement value) {
    return value.getAsJsonArray();
  }
}
