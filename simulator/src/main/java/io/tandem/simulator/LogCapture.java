package io.tandem.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what is written to {@code System.out} (where the program's logback console appender
 * writes) and {@code System.err} (where slf4j-simple logs in the modules' own tests) while it is
 * open, and still passes both through. For tests that check what reaches the log; not for parallel
 * tests.
 */
public final class LogCapture implements AutoCloseable {

  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private LogCapture() {}

  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    System.setOut(new PrintStream(capture.tee(capture.originalOut), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(capture.tee(capture.originalErr), true, StandardCharsets.UTF_8));
    return capture;
  }

  private java.io.OutputStream tee(PrintStream original) {
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
    System.setOut(originalOut);
    System.setErr(originalErr);
  }
}
