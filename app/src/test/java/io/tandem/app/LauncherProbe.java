package io.tandem.app;

import java.lang.management.ManagementFactory;

/**
 * Stands in for Tandem in the launcher's tests: says what it was asked, which class-data archive
 * its JVM was told to use or record, whether it runs the quick compiler only and the serial
 * collector, and exits with the status asked for ({@code exit N}).
 */
public final class LauncherProbe {

  private LauncherProbe() {}

  public static void main(String[] args) {
    java.util.List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    String archive =
        jvmArguments.stream()
            .filter(a -> a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-XX:Archive"))
            .map(a -> a.substring(4, a.indexOf('=')))
            .findFirst()
            .orElse("no archive");
    String compilers = jvmArguments.contains("-XX:TieredStopAtLevel=1") ? ", C1 only" : "";
    String collector =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(gc -> gc.getName().equals("Copy"))
            ? ", serial GC"
            : "";
    System.out.println("probe " + String.join(" ", args) + ": " + archive + compilers + collector);
    int exit = java.util.Arrays.asList(args).indexOf("exit");
    if (exit >= 0 && exit + 1 < args.length) {
      System.exit(Integer.parseInt(args[exit + 1]));
    }
  }
}
