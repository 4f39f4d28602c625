package io.tandem.core.delivery;

import io.tandem.core.delivery.persistence.OutboxInserts;
import io.tandem.core.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.persistence.internal.sessions.ObjectChangeSet;
import org.eclipse.persistence.internal.sessions.RepeatableWriteUnitOfWork;
import org.eclipse.persistence.internal.sessions.UnitOfWorkChangeSet;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the {@link OutboxDispatcher} that a transaction has just <em>committed</em> new outbox
 * rows, so it delivers them at once instead of at its next poll. It listens to every commit of the
 * database's persistence unit (EclipseLink's post-commit event), so use cases need do nothing
 * beyond queueing: {@link Outbox#queue} and {@code Store#queueOnce} both wake it.
 *
 * <p>Listeners run on the committing thread, right after the commit: they must only set a flag.
 * Rolled-back transactions wake nobody.
 */
public final class OutboxSignal {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSignal.class);

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private OutboxSignal() {}

  /** A signal not attached to any database; {@link #fire()} wakes the listeners by hand. */
  public static OutboxSignal detached() {
    return new OutboxSignal();
  }

  /** A signal fired after every commit on {@code db} that inserted an outbox message. */
  public static OutboxSignal attach(Database db) {
    Objects.requireNonNull(db, "db");
    OutboxSignal signal = new OutboxSignal();
    String outboxClass = OutboxMessage.class.getName();
    db.addSessionListener(
        new SessionEventAdapter() {
          @Override
          public void postCommitUnitOfWork(SessionEvent event) {
            if (insertedOutboxMessage(event, outboxClass)) {
              signal.fire();
            }
          }
        });
    return signal;
  }

  private static boolean insertedOutboxMessage(SessionEvent event, String outboxClass) {
    try {
      if (!(event.getSession() instanceof UnitOfWorkImpl uow)) {
        return false;
      }
      if (OutboxInserts.wroteAny(uow)) {
        return true;
      }
      List<UnitOfWorkChangeSet> changeSets = new ArrayList<>();
      if (uow instanceof RepeatableWriteUnitOfWork repeatable) {
        // JPA flushes before commit: what was written lives in the cumulative change set
        changeSets.add(repeatable.getCumulativeUOWChangeSet());
      }
      changeSets.add((UnitOfWorkChangeSet) uow.getUnitOfWorkChangeSet());
      for (UnitOfWorkChangeSet changes : changeSets) {
        if (changes == null) {
          continue; // nothing written
        }
        for (ObjectChangeSet change : changes.getAllChangeSets().keySet()) {
          if (change.isNew() && outboxClass.equals(change.getClassName())) {
            return true;
          }
        }
      }
      return false;
    } catch (RuntimeException e) {
      LOG.debug("Could not inspect a commit; waking the dispatcher anyway", e);
      return true;
    }
  }

  public void subscribe(Runnable listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void unsubscribe(Runnable listener) {
    listeners.remove(listener);
  }

  /** Wakes every listener. */
  public void fire() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }
}
