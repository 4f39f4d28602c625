package io.tandem.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what is written to {@code System.err} (where slf4j-simple logs) while it is open, and
 * still passes it through. For tests that check what reaches the log; not for parallel tests.
 */
public final class LogCapture implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private LogCapture() {}

  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    System.setErr(new PrintStream(capture.tee(), true, StandardCharsets.UTF_8));
    return capture;
  }

  private java.io.OutputStream tee() {
    return new java.io.OutputStream() {
      @Override
      public void write(int b) {
        synchronized (captured) {
          captured.write(b);
        }
        original.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        synchronized (captured) {
          captured.write(b, off, len);
        }
        original.write(b, off, len);
      }
    };
  }

  /** Everything written so far. */
  public String text() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  /** Everything written so far, line by line. */
  public List<String> lines() {
    return text().lines().toList();
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
