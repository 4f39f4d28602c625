package io.tandem.core.kernel;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tandem's background threads: daemons, so none of them keeps the JVM alive once the orderly stop
 * is done, and named {@code tandem-…}, so a thread dump or a log line says whose they are.
 */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** Threads named {@code prefix} and a number from 1, for a pool. */
  public static ThreadFactory numbered(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> daemon(task, prefix + count.incrementAndGet());
  }

  /** Threads all named {@code name}, for a pool of one. */
  public static ThreadFactory named(String name) {
    return task -> daemon(task, name);
  }

  /** Starts {@code task} on a thread of its own named {@code name}. */
  public static Thread start(String name, Runnable task) {
    Thread thread = daemon(task, name);
    thread.start();
    return thread;
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
