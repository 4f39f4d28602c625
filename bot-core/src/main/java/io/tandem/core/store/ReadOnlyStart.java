package io.tandem.core.store;

import io.tandem.core.kernel.DaemonThreads;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.eclipse.persistence.jpa.jpql.EclipseLinkGrammarValidator;
import org.eclipse.persistence.jpa.jpql.parser.DefaultEclipseLinkJPQLGrammar;
import org.eclipse.persistence.jpa.jpql.parser.JPQLExpression;
import org.eclipse.persistence.jpa.jpql.parser.JPQLGrammar;

/**
 * The start of a command that only reads ({@link Database#openExisting}), on two cores: the schema
 * check (Flyway reading its history and the migrations in the jar) and the persistence unit's start
 * both need only the pool, so a thread of their own checks while the caller starts the unit. That
 * thread then parses one query with EclipseLink's JPQL parser, loading the several hundred classes
 * of the parser that nothing in the start-up loads and the command's first query would otherwise
 * load on the caller's thread. On one core the two run one after the other, with no parsing ahead.
 */
final class ReadOnlyStart {

  /** Uses what a command's queries use: paths, parameters, AND, ORDER BY. */
  private static final String TYPICAL_QUERY =
      "SELECT p FROM Participant p WHERE p.programId = :id AND p.status = :status"
          + " ORDER BY p.joinedAt, p.id";

  private ReadOnlyStart() {}

  /**
   * Runs {@code check} beside {@code start} and returns what {@code start} made once both have
   * finished; when the check fails, closes that and throws the check's exception. When {@code
   * start} fails, its exception is thrown after the check has finished (so the caller may close the
   * pool).
   */
  static EntityManagerFactory start(Runnable check, Supplier<EntityManagerFactory> start) {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      EntityManagerFactory emf = start.get();
      return checked(emf, check);
    }
    FutureTask<Void> checking = new FutureTask<>(check, null);
    DaemonThreads.start(
        "tandem-schema-check",
        () -> {
          checking.run();
          parseAhead();
        });
    EntityManagerFactory emf;
    try {
      emf = start.get();
    } catch (RuntimeException | Error e) {
      try {
        await(checking);
      } catch (RuntimeException | Error ignored) {
        // the start's failure is the one to report, as when the check ran after it
      }
      throw e;
    }
    return checked(emf, () -> await(checking));
  }

  private static EntityManagerFactory checked(EntityManagerFactory emf, Runnable check) {
    try {
      check.run();
      return emf;
    } catch (RuntimeException | Error e) {
      emf.close();
      throw e;
    }
  }

  private static void await(FutureTask<Void> task) {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking the database schema", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Parses and validates {@link #TYPICAL_QUERY} as EclipseLink does before it runs a query. */
  private static void parseAhead() {
    try {
      JPQLGrammar grammar = DefaultEclipseLinkJPQLGrammar.instance();
      JPQLExpression query = new JPQLExpression(TYPICAL_QUERY, grammar, true);
      EclipseLinkGrammarValidator validator = new EclipseLinkGrammarValidator(grammar);
      validator.setProblems(new ArrayList<>());
      query.getQueryStatement().accept(validator);
    } catch (RuntimeException e) {
      // only a head start: the first real query loads whatever this did not
    }
  }
}
