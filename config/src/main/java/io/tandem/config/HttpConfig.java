package io.tandem.config;

/**
 * Tandem's own HTTP server: dashboard, {@code /health}, {@code /metrics} and, in Slack HTTP mode,
 * Slack's events.
 *
 * @param bindAddress the address to listen on; {@code 127.0.0.1} (the default) is reachable from
 *     this machine only, {@code 0.0.0.0} from everywhere
 * @param port 0 to 65535; 0 picks a free port (tests)
 */
public record HttpConfig(String bindAddress, int port) {

  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int MAX_PORT = 65535;

  public HttpConfig {
    bindAddress = Text.blankToNull(bindAddress);
    if (bindAddress == null) {
      throw new IllegalArgumentException("bindAddress is required");
    }
    if (port < 0 || port > MAX_PORT) {
      throw new IllegalArgumentException("port " + port + " is not a port number (0-65535)");
    }
  }

  /** Loopback only, port {@value #DEFAULT_PORT}. */
  public static HttpConfig defaults() {
    return new HttpConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT);
  }
}
