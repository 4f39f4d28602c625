package io.tandem.simulator.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulator's HTTP server on a loopback port, each request on a daemon thread of its own,
 * answering without Nagle stalls.
 *
 * <p>The JDK's server writes a response's headers and its body separately; with Nagle's algorithm
 * on, the body waits for the client to acknowledge the headers, which the client delays by about 40
 * ms, so every call to a simulator took 45 ms. The JDK has no switch per server: it reads the
 * system property {@value #NO_DELAY} once per JVM, when the first {@code HttpServer} is created
 * ({@code sun.net.httpserver.ServerConfig}), and then sets {@code TCP_NODELAY} on every accepted
 * connection. So each program that runs a simulator sets it before anything else: the build's test
 * JVMs (surefire's {@code systemPropertyVariables} in the parent pom), the demo and the benchmarks
 * ({@link #noDelayForThisJvm()} first in their {@code main}). A simulator that is the first server
 * of its JVM sets it itself; one set explicitly to {@code false} is left alone.
 */
public final class LoopbackHttpServer implements AutoCloseable {
  /** The JDK's system property that turns on {@code TCP_NODELAY} for its HTTP servers. */
  public static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService threads;

  private LoopbackHttpServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Turns {@code TCP_NODELAY} on for every JDK HTTP server of this JVM unless the command line said
   * otherwise; effective only before the JVM's first server is created.
   */
  public static void noDelayForThisJvm() {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  /**
   * Starts a server on 127.0.0.1 and a free port serving {@code contexts} (path prefix to handler),
   * its threads named {@code threadPrefix-N}.
   */
  public static LoopbackHttpServer start(String threadPrefix, Map<String, HttpHandler> contexts)
      throws IOException {
    noDelayForThisJvm();
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, threadPrefix + "-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      threads.shutdownNow();
      throw e;
    }
    contexts.forEach(server::createContext);
    server.setExecutor(threads);
    server.start();
    return new LoopbackHttpServer(server, threads);
  }

  /** {@code http://127.0.0.1:PORT/}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
