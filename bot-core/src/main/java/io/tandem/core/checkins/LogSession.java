package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.home.Home;
import io.tandem.core.home.StatusView;
import io.tandem.core.kernel.CheckInSignals;
import io.tandem.core.kernel.Durations;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Check-ins: {@code log <duration> [topic] [with @partner] [on DATE]}, {@code log} alone (the
 * form), {@code log list}, {@code log edit N} and {@code log delete N}.
 *
 * <p>A session belongs to the actor's active pair and to one day in the actor's time zone. When
 * both people log the same pair and day it is one session with two perspectives ({@link
 * SessionNote}); the first log asks the partner once, through the outbox ({@code
 * logprompt:{sessionId}:{partnerId}}), to add their side. Someone not yet paired may still log;
 * each of their logs is a session of its own. Days in the future, days before the pair (or the
 * participation) began, and partners who are not the actor's are refused with nothing written.
 * Every change records a signal (never the text, never the note to self) and refreshes the Slack
 * App Home of both people, in the same transaction.
 */
public final class LogSession {

  /** Sessions {@code log list} shows. */
  static final int LISTED = 15;

  private final Database db;
  private final Clock clock;

  public LogSession(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether a form id belongs to check-ins. */
  public static boolean handles(String formId) {
    return LogForms.handles(formId);
  }

  public Reply log(Actor actor, Command.Log command) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(command, "command");
    // both people logging the same meeting at once: the loser retries and joins the winner's
    return db.inTransactionRetryingConflicts(
        em -> {
          Optional<PairContext> found = PairContext.of(new Store(em), actor);
          if (found.isEmpty()) {
            return notJoined();
          }
          PairContext ctx = found.get();
          Optional<Reply> wrongPartner = checkPartner(ctx, command.partnerUserId());
          if (wrongPartner.isPresent()) {
            return wrongPartner.get();
          }
          Instant now = now();
          LocalDate day = command.day().in(ctx.today(now));
          LogForms.Entry entry =
              new LogForms.Entry(day, command.minutes(), command.topic(), "", "", null, "");
          return record(ctx, entry, now, false);
        });
  }

  public Reply openForm(Actor actor, Command.OpenLogForm command) {
    return db.inTransaction(
        em -> {
          Optional<PairContext> found = PairContext.of(new Store(em), actor);
          if (found.isEmpty()) {
            return notJoined();
          }
          PairContext ctx = found.get();
          Optional<Reply> wrongPartner = checkPartner(ctx, command.partnerUserId());
          if (wrongPartner.isPresent()) {
            return wrongPartner.get();
          }
          Instant now = now();
          LocalDate day = command.day().in(ctx.today(now));
          Optional<Reply> badDay = checkDay(ctx, day, now);
          if (badDay.isPresent()) {
            return badDay.get();
          }
          Integer minutes = null;
          String topic = null;
          if (ctx.paired()) {
            Optional<Session> same = ctx.plans().sessionOnDay(ctx.pair().getId(), day.toString());
            if (same.isPresent()) {
              Optional<SessionNote> mine = ctx.plans().note(same.get().getId(), ctx.me().getId());
              if (mine.isPresent()) {
                return openEdit(ctx, same.get(), mine.get(), now);
              }
              minutes = same.get().getMinutes();
              topic = same.get().getTopic();
            }
          }
          CheckInSignals.record(ctx, SignalType.FORM_OPENED, Map.of("form", "log"), now);
          return Reply.openForm(
              "Tell Tandem about your session.",
              LogForms.form(LogForms.NEW, "Log a session", LogForms.blank(day, minutes, topic)));
        });
  }

  /** A check-in form came back: a new log, or an edit of one's own. */
  public Reply submitted(Actor actor, String formId, Map<String, String> values) {
    return db.inTransactionRetryingConflicts(
        em -> {
          Optional<PairContext> found = PairContext.of(new Store(em), actor);
          if (found.isEmpty()) {
            return notJoined();
          }
          PairContext ctx = found.get();
          Instant now = now();
          LogForms.Result read = LogForms.read(values, ctx.today(now));
          String title = formId.equals(LogForms.NEW) ? "Log a session" : "Edit your log";
          if (read.problem() != null) {
            return Reply.formError(
                read.problem().inputId(),
                read.problem().message(),
                LogForms.form(formId, title, values));
          }
          Optional<Reply> badDay = checkDay(ctx, read.entry().date(), now);
          if (badDay.isPresent()) {
            return Reply.formError(
                "when", firstLine(badDay.get().text()), LogForms.form(formId, title, values));
          }
          Optional<Long> noteId = LogForms.editedNote(formId);
          if (noteId.isEmpty()) {
            return record(ctx, read.entry(), now, true);
          }
          return edit(ctx, noteId.get(), read.entry(), now, formId, values);
        });
  }

  public Reply list(Actor actor) {
    return db.inTransaction(
        em -> {
          Optional<PairContext> found = PairContext.of(new Store(em), actor);
          if (found.isEmpty()) {
            return notJoined();
          }
          PairContext ctx = found.get();
          List<Session> sessions = sessions(ctx);
          Instant now = now();
          CheckInSignals.record(
              ctx, SignalType.LOGS_VIEWED, Map.of("sessions", sessions.size()), now);
          if (sessions.isEmpty()) {
            return Reply.info(
                "No sessions yet. Log one with `"
                    + Markup.command("log 45m what you covered")
                    + "`.",
                List.of());
          }
          Map<Long, List<SessionNote>> notes = notesBySession(ctx, sessions);
          List<Reply.Field> fields = new ArrayList<>();
          for (Session s : sessions.subList(0, Math.min(LISTED, sessions.size()))) {
            List<SessionNote> sides = notes.getOrDefault(s.getId(), List.of());
            boolean mine =
                sides.stream().anyMatch(n -> n.getParticipantId().equals(ctx.me().getId()));
            boolean theirs =
                sides.stream().anyMatch(n -> !n.getParticipantId().equals(ctx.me().getId()));
            String who =
                mine && theirs
                    ? "logged by you and " + Markup.text(ctx.partnerName())
                    : mine
                        ? "logged by you"
                        : "logged by "
                            + Markup.text(ctx.partnerName())
                            + ": add your side with `"
                            + Markup.command("log on " + s.getLocalDate())
                            + "`";
            fields.add(
                new Reply.Field(
                    "#" + s.getNumber() + " · " + StatusView.describe(s, ctx.zone()), who));
          }
          String more =
              sessions.size() > LISTED
                  ? " (the newest " + LISTED + " of " + sessions.size() + ")"
                  : "";
          return Reply.info(
              (ctx.paired()
                      ? "Sessions with *" + Markup.text(ctx.partnerName()) + "*"
                      : "Your sessions")
                  + more
                  + ". Change yours with `"
                  + Markup.command("log edit N")
                  + "` or `"
                  + Markup.command("log delete N")
                  + "`.",
              fields);
        });
  }

  public Reply edit(Actor actor, Command.EditLog command) {
    return onOwnLog(
        actor,
        command.number(),
        "edit",
        (ctx, session, note) -> openEdit(ctx, session, note, now()));
  }

  public Reply delete(Actor actor, Command.DeleteLog command) {
    return onOwnLog(
        actor,
        command.number(),
        "delete",
        (ctx, session, note) -> {
          String what =
              "#" + session.getNumber() + " · " + StatusView.describe(session, ctx.zone());
          if (!command.confirmed()) {
            return new Reply(
                Reply.Kind.INFO,
                Reply.Visibility.PRIVATE,
                "Delete your log of session " + what + "? This can't be undone.",
                List.of(),
                List.of(
                    StatusView.command(
                        "Delete it",
                        "log delete " + session.getNumber() + " confirm",
                        Reply.Button.Style.DANGER),
                    StatusView.command("Keep it", "log list", null)),
                null);
          }
          Instant now = now();
          Store store = ctx.store();
          store.remove(note);
          store.flush();
          List<SessionNote> left = ctx.plans().notes(session.getId());
          boolean gone = left.isEmpty();
          if (gone) {
            store.remove(session);
          } else {
            summarise(session, left);
          }
          Signal signal =
              CheckInSignals.record(
                  ctx, SignalType.SESSION_DELETED, Map.of("sessionGone", gone), now);
          Home.refresh(ctx, signal.getId(), now);
          return Reply.success(
              "Deleted your log of session "
                  + what
                  + "."
                  + (gone ? "" : " " + Markup.text(ctx.partnerName()) + "'s side stays."),
              List.of());
        });
  }

  private interface OwnLogWork {
    Reply apply(PairContext ctx, Session session, SessionNote note);
  }

  /** Runs {@code work} on the actor's own log number {@code number}, or explains why not. */
  private Reply onOwnLog(Actor actor, int number, String verb, OwnLogWork work) {
    return db.inTransaction(
        em -> {
          Optional<PairContext> found = PairContext.of(new Store(em), actor);
          if (found.isEmpty()) {
            return notJoined();
          }
          PairContext ctx = found.get();
          Optional<Reply> refused = ownLog(ctx, number, verb);
          if (refused.isPresent()) {
            return refused.get();
          }
          Session session = numbered(ctx, number).orElseThrow();
          SessionNote note = ctx.plans().note(session.getId(), ctx.me().getId()).orElseThrow();
          return work.apply(ctx, session, note);
        });
  }

  // ---- the writing

  private Reply record(PairContext ctx, LogForms.Entry entry, Instant now, boolean viaForm) {
    Optional<Reply> badDay = checkDay(ctx, entry.date(), now);
    if (badDay.isPresent()) {
      return badDay.get();
    }
    Store store = ctx.store();
    String day = entry.date().toString();
    Session session = null;
    boolean second = false;
    if (ctx.paired()) {
      session = ctx.plans().sessionOnDay(ctx.pair().getId(), day).orElse(null);
      if (session != null) {
        if (ctx.plans().note(session.getId(), ctx.me().getId()).isPresent()) {
          return Reply.error(
              "You already logged session #"
                  + session.getNumber()
                  + " on "
                  + day
                  + "; change it instead of logging it twice.",
              "log edit " + session.getNumber());
        }
        second = true;
      }
    }
    if (session == null) {
      Long pairId = ctx.paired() ? ctx.pair().getId() : null;
      session =
          store.add(
              new Session(
                      ctx.me().getWorkspaceId(),
                      ctx.me().getProgramId(),
                      ctx.me().getId(),
                      occurredAt(ctx, entry.date(), now),
                      entry.minutes(),
                      entry.topic())
                  .placed(pairId, day, ctx.plans().nextSessionNumber(pairId, ctx.me().getId())));
    }
    SessionNote note =
        store.add(
            new SessionNote(ctx.me().getWorkspaceId(), session.getId(), ctx.me().getId(), now));
    write(note, entry, now);
    store.flush();
    summarise(session, ctx.plans().notes(session.getId()));

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
    Signal signal = CheckInSignals.record(ctx, SignalType.SESSION_LOGGED, details, now);
    if (ctx.paired() && !second) {
      askPartner(ctx, session, now);
    }
    Home.refresh(ctx, signal.getId(), now);
    return confirmation(ctx, session, entry, second);
  }

  private Reply edit(
      PairContext ctx,
      long noteId,
      LogForms.Entry entry,
      Instant now,
      String formId,
      Map<String, String> values) {
    Store store = ctx.store();
    SessionNote note = store.entityManager().find(SessionNote.class, noteId);
    if (note == null || !note.getParticipantId().equals(ctx.me().getId())) {
      return Reply.error(
          "That log is not yours to edit; you can only change your own.", "log list");
    }
    Session session = ctx.plans().session(note.getSessionId()).orElseThrow();
    String day = entry.date().toString();
    boolean moved = !day.equals(session.getLocalDate());
    if (moved) {
      List<SessionNote> sides = ctx.plans().notes(session.getId());
      Optional<Session> target =
          session.getPairId() == null
              ? Optional.empty()
              : ctx.plans().sessionOnDay(session.getPairId(), day);
      if (target.isPresent()) {
        if (ctx.plans().note(target.get().getId(), ctx.me().getId()).isPresent()) {
          return Reply.formError(
              "when",
              "You already logged session #" + target.get().getNumber() + " on " + day + ".",
              LogForms.form(formId, "Edit your log", values));
        }
        note.moveTo(target.get().getId());
        store.flush();
        if (sides.size() == 1) {
          store.remove(session);
        } else {
          summarise(session, ctx.plans().notes(session.getId()));
        }
        session = target.get();
      } else if (sides.size() == 1) {
        session.moveTo(day, occurredAt(ctx, entry.date(), now));
      } else {
        Session fresh =
            store.add(
                new Session(
                        ctx.me().getWorkspaceId(),
                        ctx.me().getProgramId(),
                        ctx.me().getId(),
                        occurredAt(ctx, entry.date(), now),
                        entry.minutes(),
                        entry.topic())
                    .placed(
                        session.getPairId(),
                        day,
                        ctx.plans().nextSessionNumber(session.getPairId(), ctx.me().getId())));
        note.moveTo(fresh.getId());
        store.flush();
        summarise(session, ctx.plans().notes(session.getId()));
        session = fresh;
      }
    }
    write(note, entry, now);
    store.flush();
    summarise(session, ctx.plans().notes(session.getId()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("minutes", entry.minutes());
    if (moved) {
      details.put("moved", true);
    }
    Signal signal = CheckInSignals.record(ctx, SignalType.SESSION_EDITED, details, now);
    Home.refresh(ctx, signal.getId(), now);
    return Reply.success(
        "Updated your log of session #"
            + session.getNumber()
            + ": "
            + StatusView.describe(session, ctx.zone())
            + ".",
        List.of());
  }

  private Reply openEdit(PairContext ctx, Session session, SessionNote note, Instant now) {
    CheckInSignals.record(ctx, SignalType.FORM_OPENED, Map.of("form", "log edit"), now);
    return Reply.openForm(
        "Here is your log of session #" + session.getNumber() + ".",
        LogForms.form(
            LogForms.EDIT + note.getId(),
            "Edit your log",
            LogForms.values(note, session.getLocalDate())));
  }

  private static void write(SessionNote note, LogForms.Entry entry, Instant now) {
    note.write(
        entry.minutes(),
        entry.topic(),
        entry.taught(),
        entry.learned(),
        entry.usefulness(),
        entry.privateNote(),
        now);
  }

  /** The meeting's summary: the longest time either side logged, and the first topic given. */
  private static void summarise(Session session, List<SessionNote> sides) {
    if (sides.isEmpty()) {
      return;
    }
    int minutes =
        sides.stream().mapToInt(SessionNote::getMinutes).max().orElse(session.getMinutes());
    String topic =
        sides.stream().map(SessionNote::getTopic).filter(t -> !t.isBlank()).findFirst().orElse("");
    session.summarise(minutes, topic, session.getOccurredAt());
  }

  /** The partner hears once per session that it was logged, with a button to add their side. */
  private static void askPartner(PairContext ctx, Session session, Instant now) {
    if (ctx.plans().note(session.getId(), ctx.partner().getId()).isPresent()) {
      return;
    }
    Workspace workspace = ctx.store().workspaceById(ctx.me().getWorkspaceId()).orElseThrow();
    Reply prompt =
        new Reply(
            Reply.Kind.INFO,
            Reply.Visibility.PRIVATE,
            "Your partner *"
                + Markup.text(ctx.member().getDisplayName())
                + "* logged a session with you on "
                + session.getLocalDate()
                + " ("
                + Durations.humanMinutes(session.getMinutes())
                + "). Add what you learned?",
            List.of(),
            List.of(
                StatusView.command(
                    "Add my side", "log on " + session.getLocalDate(), Reply.Button.Style.PRIMARY)),
            null);
    boolean queued =
        Outbox.queue(
            ctx.store(),
            workspace.getId(),
            workspace.getPlatform(),
            "logprompt:" + session.getId() + ":" + ctx.partner().getId(),
            new ChatTarget.DirectMessage(ctx.partnerMember().getUserId()),
            prompt,
            now,
            now);
    if (queued) {
      ctx.store()
          .add(
              new Signal(
                  ctx.me().getWorkspaceId(),
                  SignalType.PARTNER_ASKED_TO_LOG,
                  ctx.partnerMember().getId(),
                  ctx.me().getProgramId(),
                  ctx.partner().getId(),
                  ctx.pair().getId(),
                  now,
                  "{}"));
    }
  }

  private Reply confirmation(
      PairContext ctx, Session session, LogForms.Entry entry, boolean second) {
    String duration = Durations.humanMinutes(entry.minutes());
    String text =
        entry.topic().isEmpty()
            ? "Logged *" + duration + "*."
            : "Logged *" + duration + "* on " + Markup.text(entry.topic()) + ".";
    long count;
    long minutes;
    if (ctx.paired()) {
      List<Session> sessions = ctx.plans().pairSessions(ctx.pair().getId());
      count = sessions.size();
      minutes = sessions.stream().mapToLong(Session::getMinutes).sum();
      text +=
          second
              ? " It joins "
                  + Markup.text(ctx.partnerName())
                  + "'s log of session #"
                  + session.getNumber()
                  + "."
              : " That's session #"
                  + session.getNumber()
                  + " with "
                  + Markup.text(ctx.partnerName())
                  + "; I'll ask them to add their side.";
    } else {
      Store.SessionTotals totals = ctx.store().sessionTotals(ctx.me().getId());
      count = totals.count();
      minutes = totals.minutes();
    }
    return Reply.success(
        text,
        List.of(
            new Reply.Field("Sessions so far", Long.toString(count)),
            new Reply.Field("Total time", Durations.humanMinutes(minutes))));
  }

  // ---- checks

  private static Optional<Reply> checkPartner(PairContext ctx, String partnerUserId) {
    if (partnerUserId == null) {
      return Optional.empty();
    }
    if (!ctx.paired()) {
      return Optional.of(
          Reply.error(
              "You don't have a partner yet, so you can't log a session with someone. Leave out"
                  + " `with …` to log it for yourself.",
              "log 45m Instagram reels"));
    }
    if (partnerUserId.equals(ctx.member().getUserId())) {
      return Optional.of(
          Reply.error(
              "You named yourself; name your partner *"
                  + Markup.text(ctx.partnerName())
                  + "* or nobody.",
              "log 1h with @partner"));
    }
    if (!partnerUserId.equals(ctx.partnerMember().getUserId())) {
      return Optional.of(
          Reply.error(
              "That person is not your partner; your partner is *"
                  + Markup.text(ctx.partnerName())
                  + "*. Nothing was logged.",
              "log 1h with @" + Markup.text(ctx.partnerName())));
    }
    return Optional.empty();
  }

  private static Optional<Reply> checkDay(PairContext ctx, LocalDate day, Instant now) {
    LocalDate today = ctx.today(now);
    if (day.isAfter(today)) {
      return Optional.of(
          Reply.error(
              day + " is in the future (today is " + today + "); log a session after it happens.",
              "log 45m on " + today));
    }
    LocalDate first = ctx.firstDay();
    if (day.isBefore(first)) {
      return Optional.of(
          Reply.error(
              day
                  + " is before "
                  + (ctx.paired() ? "you were paired" : "you joined")
                  + " ("
                  + first
                  + "); log sessions from then on.",
              "log 45m on " + today));
    }
    return Optional.empty();
  }

  private static Optional<Reply> ownLog(PairContext ctx, int number, String verb) {
    Optional<Session> session = numbered(ctx, number);
    if (session.isEmpty()) {
      return Optional.of(
          Reply.error(
              "There is no session #" + number + (ctx.paired() ? " in your pair" : "") + ".",
              "log list"));
    }
    if (ctx.plans().note(session.get().getId(), ctx.me().getId()).isEmpty()) {
      return Optional.of(
          Reply.error(
              "Session #"
                  + number
                  + " is "
                  + Markup.text(ctx.partnerName())
                  + "'s log, not yours; you can only "
                  + verb
                  + " your own. Add your side with `"
                  + Markup.command("log on " + session.get().getLocalDate())
                  + "`.",
              "log list"));
    }
    return Optional.empty();
  }

  private static Optional<Session> numbered(PairContext ctx, int number) {
    return sessions(ctx).stream().filter(s -> s.getNumber() == number).findFirst();
  }

  private static List<Session> sessions(PairContext ctx) {
    return ctx.paired()
        ? ctx.plans().pairSessions(ctx.pair().getId())
        : ctx.plans().soloSessions(ctx.me().getId());
  }

  private static Map<Long, List<SessionNote>> notesBySession(
      PairContext ctx, List<Session> sessions) {
    Map<Long, List<SessionNote>> bySession = new LinkedHashMap<>();
    ctx.plans()
        .notes(sessions.stream().map(Session::getId).toList())
        .forEach(n -> bySession.computeIfAbsent(n.getSessionId(), k -> new ArrayList<>()).add(n));
    return bySession;
  }

  /** Now for today's sessions; noon in the person's zone for earlier days. */
  private static Instant occurredAt(PairContext ctx, LocalDate day, Instant now) {
    if (day.equals(ctx.today(now))) {
      return now;
    }
    return day.atTime(LocalTime.NOON).atZone(ctx.zone()).toInstant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static Reply notJoined() {
    return Reply.error(
        "You haven't joined a program yet, so there is nothing to log against.", "join mentee");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
