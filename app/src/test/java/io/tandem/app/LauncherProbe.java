package io.tandem.app;

import java.lang.management.ManagementFactory;

/**
 * Stands in for Tandem in the launcher's tests: says what it was asked and which class-data archive
 * its JVM was told to use or record, and exits with the status asked for ({@code exit N}).
 */
public final class LauncherProbe {

  private LauncherProbe() {}

  public static void main(String[] args) {
    String archive =
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-XX:Archive"))
            .map(a -> a.substring(4, a.indexOf('=')))
            .findFirst()
            .orElse("no archive");
    System.out.println("probe " + String.join(" ", args) + ": " + archive);
    int exit = java.util.Arrays.asList(args).indexOf("exit");
    if (exit >= 0 && exit + 1 < args.length) {
      System.exit(Integer.parseInt(args[exit + 1]));
    }
  }
}
