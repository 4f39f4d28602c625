package io.tandem.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Records every SQL statement EclipseLink sends to one {@link Database} while {@link #during} runs
 * work, so tests can say how many questions a use case asks the database. Ids drawn from {@code
 * id_gen} are left out: they come in blocks and grow with the rows written, not with the questions
 * asked.
 */
public final class StatementCounter {

  private final List<String> statements = new ArrayList<>();
  private final AtomicInteger calculations = new AtomicInteger();
  private volatile boolean recording;

  private StatementCounter(Database db) {
    db.addSessionListener(
        new SessionEventAdapter() {
          @Override
          public void postExecuteCall(SessionEvent event) {
            if (recording && event.getCall() instanceof DatabaseCall call) {
              String sql = call.getSQLString();
              if (sql != null && !sql.toLowerCase(Locale.ROOT).contains("id_gen")) {
                synchronized (statements) {
                  statements.add(sql);
                }
              }
            }
          }

          @Override
          public void preCalculateUnitOfWorkChangeSet(SessionEvent event) {
            if (recording) {
              calculations.incrementAndGet();
            }
          }
        });
  }

  /** Starts listening to {@code db}; call once per database, before the work. */
  public static StatementCounter on(Database db) {
    return new StatementCounter(db);
  }

  /** Runs {@code work} and returns the statements it sent, in order. */
  public <T> List<String> during(Supplier<T> work) {
    synchronized (statements) {
      statements.clear();
    }
    calculations.set(0);
    recording = true;
    try {
      work.get();
    } finally {
      recording = false;
    }
    synchronized (statements) {
      return List.copyOf(statements);
    }
  }

  /**
   * How often the last {@link #during} compared the entities of a unit of work with their state as
   * read: once per flush and once per commit, each a pass over every entity the transaction holds.
   */
  public int changeCalculations() {
    return calculations.get();
  }

  /** The questions among {@code statements}: those that read. */
  public static List<String> queries(List<String> statements) {
    return statements.stream()
        .filter(sql -> sql.strip().toUpperCase(Locale.ROOT).startsWith("SELECT"))
        .toList();
  }
}
