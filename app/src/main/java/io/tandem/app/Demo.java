package io.tandem.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tandem demo}: Tandem on a temporary SQLite file, talking to a local simulated workspace
 * through the real adapter, with a short scripted pilot printed as a chat transcript.
 */
@Command(
    name = "demo",
    description = "Play a short pilot with Tandem in a local simulated workspace.")
final class Demo implements Callable<Integer> {

  /** The program admin of the demo workspace. */
  static final String ADMIN = "maya";

  /** One line of the script: who types what, in the core grammar. */
  record Line(String person, String command) {}

  static final List<Line> AFTER_ENROLMENT =
      List.of(
          new Line(ADMIN, "match preview"),
          new Line(ADMIN, "match approve"),
          new Line("ana", "log 45m Instagram reels"),
          new Line("ben", "log 1h30m How the team recruits on TikTok"),
          new Line("ben", "log 30h Board prep"),
          new Line("ben", "status"),
          new Line("chioma", "stauts"),
          new Line(ADMIN, "dashboard"));

  enum Platform {
    slack,
    discord
  }

  @Option(
      names = "--platform",
      description = "slack or discord (default: ${DEFAULT-VALUE})",
      defaultValue = "slack")
  Platform platform;

  @Option(names = "--keep", description = "Leave Tandem and the simulator running afterwards.")
  boolean keep;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // The transcript is the demo's output; logs would only interrupt it. Set before any logger.
    System.setProperty("org.slf4j.simpleLogger.log.io.tandem", "warn");
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("tandem-demo");
    Path dbFile = dir.resolve("tandem.db");
    try (SimulatedChat chat =
            SimulatedChat.start(
                platform == Platform.slack
                    ? SimulatedChat.Kind.SLACK_SOCKET
                    : SimulatedChat.Kind.DISCORD);
        Tandem tandem = Tandem.start(chat.config("jdbc:sqlite:" + dbFile), Clock.systemUTC())) {
      chat.makeAdmin(ADMIN);
      chat.connect(tandem);
      out.println(chat.title());
      out.println();
      say(out, chat, new Line("ana", "help"));
      for (SamplePeople.Person person : SamplePeople.ALL) {
        out.println(
            Transcript.said(person.name(), chat.typed("join " + person.role()).orElseThrow()));
        out.println(Transcript.filledIn(person));
        out.println(Transcript.answered(chat.enrol(person)));
        out.println();
        out.flush();
      }
      for (Line line : AFTER_ENROLMENT) {
        say(out, chat, line);
        if (line.command().equals("match approve")) {
          out.println(
              Transcript.delivered(
                  "ana and ben", chat.awaitMessageTo("ana", "Meet your Tandem partner")));
          out.println();
        }
      }
      out.println("The demo's data is in " + dbFile + ".");
      out.println(
          "While Tandem runs, its dashboard (through the link above), "
              + tandem.httpUrl().resolve("health")
              + " and "
              + tandem.httpUrl().resolve("metrics")
              + " answer"
              + (keep ? "." : "; --keep leaves them running."));
      if (keep) {
        out.println("Tandem keeps running against " + chat.describe() + ". Ctrl-C stops it.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
      }
    }
    out.flush();
    return 0;
  }

  private static void say(PrintWriter out, SimulatedChat chat, Line line) {
    Optional<String> typed = chat.typed(line.command());
    if (typed.isEmpty()) {
      return;
    }
    out.println(Transcript.said(line.person(), typed.get()));
    out.println(Transcript.answered(chat.run(line.person(), line.command())));
    out.println();
    out.flush();
  }
}
