package io.tandem.demo;

import io.tandem.simulator.http.LoopbackHttpServer;
import picocli.CommandLine;

/**
 * The {@code tandem} program of a source checkout: every command of the production program ({@link
 * io.tandem.app.Main}) plus {@code tandem demo}. The {@code ./tandem} launcher runs this jar; the
 * production jar and the container image run {@code io.tandem.app.Main}, which knows nothing of the
 * demo.
 */
public final class DemoMain {

  private DemoMain() {}

  public static void main(String[] args) {
    // before any HTTP server exists: the demo's simulators answer without Nagle stalls
    LoopbackHttpServer.noDelayForThisJvm();
    System.exit(io.tandem.app.Main.commandLine(args).addSubcommand(new Demo()).execute(args));
  }

  /** The production command line with {@code demo} added, as the launcher runs it. */
  static CommandLine commandLine() {
    return io.tandem.app.Main.commandLine().addSubcommand(new Demo());
  }
}
