package io.tandem.simulator.slack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's HTTP side on a loopback port: the Web API under {@code /api/}, {@code
 * response_url}s under {@code /response/} and upload URLs under {@code /upload/}, each request on a
 * thread of its own.
 */
final class SimulatorHttp {
  private final HttpServer http;
  private final ExecutorService threads;

  SimulatorHttp(SlackSimulator sim) throws IOException {
    AtomicInteger threadNumber = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "slack-sim-http-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      threads.shutdownNow();
      throw e;
    }
    http.createContext("/api/", new WebApiHandler(sim, new WebApiMethods(sim)));
    http.createContext("/response/", new ResponseUrlHandler(sim));
    http.createContext("/upload/", new UploadHandler(sim));
    http.setExecutor(threads);
    http.start();
  }

  /** {@code http://127.0.0.1:PORT/}. */
  URI baseUri() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
  }

  void stop() {
    http.stop(0);
    threads.shutdownNow();
  }
}
