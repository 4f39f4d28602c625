package io.tandem.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the {@code tandem} program in-process with a configuration file, capturing its output. */
final class OperatorCli {

  private final Path config;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  OperatorCli(Path config) {
    this.config = config;
  }

  /** {@code tandem --config FILE args…}; returns the exit code. */
  int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = config.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return cli.execute(all);
  }

  /** What the last run printed to standard output. */
  String out() {
    return out.toString();
  }

  /** What the last run printed to standard error. */
  String err() {
    return err.toString();
  }
}
