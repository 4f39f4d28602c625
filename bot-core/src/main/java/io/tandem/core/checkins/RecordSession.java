package io.tandem.core.checkins;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.home.Home;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a new log, from the command or the form, in the caller's transaction: the session (or the
 * partner's session of that day, as a second perspective), the actor's note, the signal, the
 * partner's prompt to add their side, and both people's App Home.
 */
final class RecordSession {

  private RecordSession() {}

  static Reply record(Logbook book, LogForms.Entry entry, Instant now, boolean viaForm) {
    PairContext ctx = book.ctx();
    Optional<Reply> badDay = book.refuseDay(entry.date(), now);
    if (badDay.isPresent()) {
      return badDay.get();
    }
    String day = entry.date().toString();
    Session session = null;
    if (ctx.paired()) {
      session = book.sessions().onDay(ctx.pair().getId(), day).orElse(null);
      if (session != null && book.mine(session).isPresent()) {
        return CheckInMessages.alreadyLogged(session, day);
      }
    }
    boolean second = session != null;
    // read before this log's writes, which all go out at commit: nothing to flush in between
    List<SessionNote> sides =
        second ? new ArrayList<>(book.sessions().notes(session.getId())) : new ArrayList<>();
    List<Session> pairSessions = ctx.paired() ? book.sessions().ofPair(ctx.pair().getId()) : null;
    Sessions.Totals before = ctx.paired() ? null : book.sessions().totals(ctx.me().getId());
    if (session == null) {
      session = book.newSession(ctx.paired() ? ctx.pair().getId() : null, entry, now);
    }
    Store store = ctx.store();
    SessionNote note =
        store.add(
            new SessionNote(ctx.me().getWorkspaceId(), session.getId(), ctx.me().getId(), now));
    Logbook.write(note, entry, now);
    sides.add(note);
    Logbook.summarise(session, sides);

    Signal signal =
        CheckInSignals.record(ctx, SignalType.SESSION_LOGGED, details(entry, second, viaForm), now);
    if (ctx.paired() && !second) {
      askPartner(book, session, now);
    }
    Home.refresh(ctx, signal.getId(), now);
    Sessions.Totals totals =
        ctx.paired()
            ? pairTotals(pairSessions, second ? null : session)
            : new Sessions.Totals(before.count() + 1, before.minutes() + session.getMinutes());
    return CheckInMessages.logged(ctx, session, entry, second, totals);
  }

  private static Map<String, Object> details(
      LogForms.Entry entry, boolean second, boolean viaForm) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("minutes", entry.minutes());
    details.put("topicLength", entry.topic().length());
    if (entry.usefulness() != null) {
      details.put("useful", entry.usefulness());
    }
    if (second) {
      details.put("perspective", "second");
    }
    if (viaForm) {
      details.put("via", "form");
    }
    return details;
  }

  /**
   * The pair's sessions so far: those read before this log (a second perspective's session is among
   * them, summarised anew) and the one it made, if any.
   */
  private static Sessions.Totals pairTotals(List<Session> earlier, Session made) {
    long minutes = earlier.stream().mapToLong(Session::getMinutes).sum();
    return made == null
        ? new Sessions.Totals(earlier.size(), minutes)
        : new Sessions.Totals(earlier.size() + 1L, minutes + made.getMinutes());
  }

  /** The partner hears once per session that it was logged, with a button to add their side. */
  private static void askPartner(Logbook book, Session session, Instant now) {
    PairContext ctx = book.ctx();
    if (book.sessions().note(session.getId(), ctx.partner().getId()).isPresent()) {
      return;
    }
    Workspace workspace = Workspaces.in(ctx.store()).byId(ctx.me().getWorkspaceId()).orElseThrow();
    boolean queued =
        Outbox.queue(
            ctx.store(),
            workspace.getId(),
            workspace.getPlatform(),
            "logprompt:" + session.getId() + ":" + ctx.partner().getId(),
            new ChatTarget.DirectMessage(ctx.partnerMember().getUserId()),
            CheckInMessages.partnerPrompt(ctx, session),
            now,
            now);
    if (queued) {
      CheckInSignals.about(
          ctx.store(),
          new CheckInSignals.Subject(
              ctx.me().getWorkspaceId(),
              ctx.partnerMember().getId(),
              ctx.me().getProgramId(),
              ctx.partner().getId(),
              ctx.pair().getId()),
          SignalType.PARTNER_ASKED_TO_LOG,
          Map.of(),
          now);
    }
  }
}
