package io.tandem.app;

import io.tandem.config.ConfigException;
import io.tandem.config.ConfigLoader;
import io.tandem.config.ConfigPrinter;
import io.tandem.config.LoadedConfig;
import io.tandem.config.TandemConfig;
import io.tandem.core.kernel.SetupFailure;
import io.tandem.core.store.Database;
import io.tandem.core.store.Migrations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The {@code tandem} program. */
@Command(
    name = "tandem",
    mixinStandardHelpOptions = true,
    // every subcommand answers --help too
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Version.class,
    description = "Runs reverse-mentoring programs in Slack and Discord.")
public final class Main implements Callable<Integer> {

  /** The subcommands, in the order the help lists them. */
  private static final List<Class<?>> COMMANDS =
      List.of(
          Run.class,
          Migrate.class,
          ConfigCommand.class,
          SolveAssignment.class,
          ImportCommand.class,
          MatchCommand.class,
          OutboxCommand.class,
          ReportCommand.class,
          DataCommands.Forget.class,
          DataCommands.Backup.class,
          DataCommands.Restore.class);

  /** Something Tandem did not expect; the message says to run again with --debug. */
  static final int UNEXPECTED = 1;

  /** The configuration or the command line is wrong (picocli uses 2 for usage errors too). */
  static final int CONFIG_ERROR = 2;

  /** The database cannot be reached, created, written or is at another schema version. */
  static final int DATABASE_ERROR = 3;

  /** Slack or Discord refused a token or an intent, or cannot be reached. */
  static final int PLATFORM_ERROR = 4;

  /** Another program listens on the HTTP port. */
  static final int PORT_IN_USE = 5;

  @Option(
      names = "--debug",
      description = "When something fails, print the full stack trace too.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @Option(
      names = "--config",
      description = "Path to tandem.yml (default: ./tandem.yml if present, else built-in defaults)",
      scope = CommandLine.ScopeType.INHERIT)
  Path configPath;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // The JDK's HTTP server writes an answer's headers and body apart; without TCP_NODELAY the
    // body (Slack's ack included) waits about 40 ms for the client's delayed ACK. The JDK reads
    // this once, when the JVM's first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    System.exit(commandLine(args).execute(args));
  }

  /** The program with every command, for the help and for tests. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The program for {@code args}: when they name a command, that command is the only one built
   * (picocli reads every command's annotations into a model as it is added, which took a quarter of
   * a one-shot command's start); otherwise all of them, so the help lists them all and a mistyped
   * command gets its suggestions.
   */
  public static CommandLine commandLine(String[] args) {
    // every entry point (this program's, the demo's) starts here, before picocli's own work
    ConfigLoader.prepareInBackground();
    CommandLine root = new CommandLine(new Main());
    Class<?> invoked = invoked(args);
    for (Class<?> command : invoked != null ? List.of(invoked) : COMMANDS) {
      root.addSubcommand(command);
    }
    // the root's writer: the one callers (and tests) set with setErr
    return root.setExecutionExceptionHandler(
        (failure, command, parsed) -> failed(failure, root.getErr(), parsed));
  }

  /**
   * The command {@code args} name, or null. Only {@code --config} and {@code --debug} may come
   * before it: after {@code --help} or {@code --version} the program itself answers.
   */
  private static Class<?> invoked(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config")) {
        i++;
      } else if (args[i].equals("--debug") || args[i].startsWith("--config=")) {
        continue;
      } else if (args[i].startsWith("-")) {
        return null;
      } else {
        for (Class<?> command : COMMANDS) {
          if (command.getAnnotation(Command.class).name().equals(args[i])) {
            return command;
          }
        }
        return null;
      }
    }
    return null;
  }

  /**
   * A command failed: one paragraph on stderr (for a set-up problem: what happened, the likely
   * cause, the fix), the stack trace only with {@code --debug}, and the exit code for the kind of
   * problem.
   */
  static int failed(Exception failure, PrintWriter err, CommandLine.ParseResult parsed) {
    SetupFailure setup = SetupFailure.in(failure);
    int exit;
    if (setup != null) {
      err.println(setup.getMessage());
      exit = exitCode(setup.kind());
    } else {
      err.println(
          "Tandem stopped on an error it did not expect: "
              + failure
              + ". Run the same command again with --debug to see where it happened, and include"
              + " that output when you report it.");
      exit = UNEXPECTED;
    }
    if (debugging(parsed)) {
      failure.printStackTrace(err);
    }
    err.flush();
    return exit;
  }

  static int exitCode(SetupFailure.Kind kind) {
    return switch (kind) {
      case CONFIG -> CONFIG_ERROR;
      case DATABASE -> DATABASE_ERROR;
      case PLATFORM -> PLATFORM_ERROR;
      case PORT_IN_USE -> PORT_IN_USE;
    };
  }

  private static boolean debugging(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /**
   * Loads the configuration and applies its logging settings, or prints one line per problem and
   * returns null.
   */
  TandemConfig loadConfig(PrintWriter err) {
    LoadedConfig loaded = loadConfigWithSources(err);
    return loaded == null ? null : loaded.config();
  }

  /** As {@link #loadConfig}, with where each setting came from. */
  LoadedConfig loadConfigWithSources(PrintWriter err) {
    try {
      LoadedConfig loaded =
          ConfigLoader.loadWithSources(configPath, Path.of("").toAbsolutePath(), System.getenv());
      Logging.configure(loaded.config().logging());
      return loaded;
    } catch (ConfigException e) {
      err.println("Tandem cannot run: the configuration has problems.");
      e.problems().forEach(p -> err.println("  " + p));
      err.println(
          "Fix them in "
              + (configPath != null ? configPath.toString() : "tandem.yml")
              + " or the environment; tandem config check shows the result.");
      err.flush();
      return null;
    }
  }

  @Command(
      name = "run",
      description = "Connect to the configured Slack workspace and/or Discord server.")
  static final class Run implements Callable<Integer> {
    @ParentCommand Main main;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      TandemConfig config = main.loadConfig(err);
      if (config == null) {
        return CONFIG_ERROR;
      }
      List<String> missing = Tandem.missingPlatformSettings(config);
      if (!missing.isEmpty()) {
        err.println("Tandem has no chat platform to connect to. Set the environment variables for");
        err.println("at least one of them (or the keys in tandem.yml):");
        missing.forEach(m -> err.println("  " + m));
        err.println("To see Tandem work without any tokens, run: ./tandem demo");
        err.flush();
        return CONFIG_ERROR;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Tandem tandem = Tandem.start(config, Clock.systemUTC());
      try {
        stopOnSignals(tandem, stopped);
        out.println("Tandem is running: " + tandem.describeConnections() + ". Ctrl-C stops it.");
        out.println(
            "Dashboard links (/tandem dashboard), "
                + tandem.httpUrl().resolve("health")
                + " and "
                + tandem.httpUrl().resolve("metrics")
                + " are served on "
                + tandem.httpUrl()
                + ".");
        out.flush();
        stopped.await();
      } finally {
        tandem.close();
      }
      return 0;
    }
  }

  /**
   * SIGTERM and SIGINT end {@code stopped}'s wait, and the caller stops Tandem in order and exits
   * 0. The JVM halts as soon as its shutdown hooks return, so the hook, which covers any other way
   * out (System.exit elsewhere), does the stopping itself and waits for it.
   */
  public static void stopOnSignals(Tandem tandem, CountDownLatch stopped) {
    for (String name : List.of("TERM", "INT")) {
      sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stopped.countDown());
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    tandem.close();
                  } catch (Exception e) {
                    e.printStackTrace();
                  }
                },
                "tandem-shutdown"));
  }

  @Command(name = "migrate", description = "Bring the database schema up to date, then exit.")
  static final class Migrate implements Callable<Integer> {
    @ParentCommand Main main;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      TandemConfig config = main.loadConfig(spec.commandLine().getErr());
      if (config == null) {
        return CONFIG_ERROR;
      }
      try (Database database = Tandem.openDatabase(config, Clock.systemUTC(), false)) {
        List<Migrations.Applied> applied;
        try {
          applied = Migrations.migrate(database.dataSource());
        } catch (Migrations.MigrationException e) {
          throw Tandem.migrationFailed(e);
        }
        if (applied.isEmpty()) {
          out.println("The database is up to date.");
        } else {
          applied.forEach(m -> out.println("Applied V" + m.version() + " " + m.description()));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "config",
      description = "Inspect the configuration.",
      subcommands = ConfigCommand.Check.class)
  static final class ConfigCommand {
    @ParentCommand Main main;

    @Command(
        name = "check",
        description =
            "Validate the configuration and print it with every secret masked, each setting with"
                + " where it came from (default, file or environment variable).")
    static final class Check implements Callable<Integer> {
      @ParentCommand ConfigCommand parent;
      @CommandLine.Spec CommandLine.Model.CommandSpec spec;

      @Override
      public Integer call() {
        LoadedConfig loaded = parent.main.loadConfigWithSources(spec.commandLine().getErr());
        if (loaded == null) {
          return CONFIG_ERROR;
        }
        spec.commandLine().getOut().print(ConfigPrinter.print(loaded));
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }
}
