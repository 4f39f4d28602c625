package io.tandem.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.executor.MigrationExecutor;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.internal.jdbc.Results;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.resolver.ResolvedMigrationImpl;
import org.flywaydb.core.internal.resolver.sql.SqlMigrationResolver;

/**
 * Flyway's SQL migrations as its own resolver finds them (same versions, descriptions and
 * checksums, so the history is the one Flyway would write), each run on SQLite as one piece of
 * text: the driver hands it to SQLite, which executes statement after statement itself. Flyway
 * would first split every script with its Java parser, which was most of the CPU of migrating an
 * empty database at start-up; the result is the same because the scripts hold plain statements only
 * (no placeholders, no transaction control). Every script runs inside the transaction Flyway opens
 * for the pending group, so a failing one leaves nothing applied.
 */
final class WholeScriptResolver implements MigrationResolver {

  private final List<String> locations;
  private final ClassLoader classLoader;

  WholeScriptResolver(List<String> locations, ClassLoader classLoader) {
    this.locations = locations;
    this.classLoader = classLoader;
  }

  @Override
  public Collection<ResolvedMigration> resolveMigrations(MigrationResolver.Context context) {
    SqlMigrationResolver flyways =
        new SqlMigrationResolver(
            context.resourceProvider,
            context.sqlScriptExecutorFactory,
            context.sqlScriptFactory,
            context.configuration,
            new ParsingContext());
    List<ResolvedMigration> resolved = new ArrayList<>();
    for (ResolvedMigration migration : flyways.resolveMigrations(context)) {
      String script = migration.getScript();
      resolved.add(new WholeScript(migration, () -> text(script)));
    }
    return resolved;
  }

  /** The script's text from the first location that holds it. */
  private String text(String script) {
    for (String location : locations) {
      try (InputStream in = classLoader.getResourceAsStream(location + "/" + script)) {
        if (in != null) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new FlywayException("migration script " + script + " not found under " + locations);
  }

  /** Flyway's resolved migration with an executor that runs the whole text at once. */
  private static final class WholeScript extends ResolvedMigrationImpl {
    private final ResolvedMigration flyways;

    WholeScript(ResolvedMigration flyways, Supplier<String> text) {
      super(
          flyways.getVersion(),
          flyways.getDescription(),
          flyways.getScript(),
          flyways.getChecksum(),
          null,
          flyways.getType(),
          flyways.getPhysicalLocation(),
          new WholeText(text));
      this.flyways = flyways;
    }

    @Override
    public boolean checksumMatches(Integer checksum) {
      return flyways.checksumMatches(checksum);
    }

    @Override
    public boolean checksumMatchesWithoutBeingIdentical(Integer checksum) {
      return flyways.checksumMatchesWithoutBeingIdentical(checksum);
    }
  }

  /** Reads the script only when it runs: an up-to-date database never does. */
  private record WholeText(Supplier<String> text) implements MigrationExecutor {
    @Override
    public List<Results> execute(org.flywaydb.core.api.executor.Context context)
        throws SQLException {
      try (Statement statement = context.getConnection().createStatement()) {
        statement.executeUpdate(text.get());
      }
      return List.of();
    }

    @Override
    public boolean canExecuteInTransaction() {
      return true;
    }

    @Override
    public boolean shouldExecute() {
      return true;
    }
  }
}
