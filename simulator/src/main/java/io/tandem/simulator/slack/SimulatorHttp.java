package io.tandem.simulator.slack;

import io.tandem.simulator.http.LoopbackHttpServer;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The simulator's HTTP side on a loopback port: the Web API under {@code /api/}, {@code
 * response_url}s under {@code /response/} and upload URLs under {@code /upload/}, each request on a
 * thread of its own.
 */
final class SimulatorHttp {
  private final LoopbackHttpServer http;

  SimulatorHttp(SlackSimulator sim) throws IOException {
    this.http =
        LoopbackHttpServer.start(
            "slack-sim-http",
            Map.of(
                "/api/", new WebApiHandler(sim, new WebApiMethods(sim)),
                "/response/", new ResponseUrlHandler(sim),
                "/upload/", new UploadHandler(sim)));
  }

  /** {@code http://127.0.0.1:PORT/}. */
  URI baseUri() {
    return http.baseUri();
  }

  void stop() {
    http.close();
  }
}
