package io.tandem.core.checkins;

import io.tandem.core.home.StatusView;
import io.tandem.core.kernel.Durations;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What check-ins say to people. Pure: no storage. */
final class CheckInMessages {

  private CheckInMessages() {}

  static Reply notJoined() {
    return Reply.error(
        "You haven't joined a program yet, so there is nothing to log against.", "join mentee");
  }

  /** Why a session cannot be logged with the person named, if it cannot. */
  static Optional<Reply> refusal(PairContext ctx, PairContext.Named named) {
    return switch (named) {
      case FINE -> Optional.empty();
      case NO_PARTNER ->
          Optional.of(
              Reply.error(
                  "You don't have a partner yet, so you can't log a session with someone. Leave"
                      + " out `with …` to log it for yourself.",
                  "log 45m Instagram reels"));
      case SELF ->
          Optional.of(
              Reply.error(
                  "You named yourself; name your partner *"
                      + Markup.text(ctx.partnerName())
                      + "* or nobody.",
                  "log 1h with @partner"));
      case STRANGER ->
          Optional.of(
              Reply.error(
                  "That person is not your partner; your partner is *"
                      + Markup.text(ctx.partnerName())
                      + "*. Nothing was logged.",
                  "log 1h with @" + Markup.text(ctx.partnerName())));
    };
  }

  static Reply future(LocalDate day, LocalDate today) {
    return Reply.error(
        day + " is in the future (today is " + today + "); log a session after it happens.",
        "log 45m on " + today);
  }

  static Reply beforeStart(LocalDate day, LocalDate first, boolean paired, LocalDate today) {
    return Reply.error(
        day
            + " is before "
            + (paired ? "you were paired" : "you joined")
            + " ("
            + first
            + "); log sessions from then on.",
        "log 45m on " + today);
  }

  static Reply alreadyLogged(Session session, String day) {
    return Reply.error(
        "You already logged session #"
            + session.getNumber()
            + " on "
            + day
            + "; change it instead of logging it twice.",
        "log edit " + session.getNumber());
  }

  static Reply noSuchSession(int number, boolean paired) {
    return Reply.error(
        "There is no session #" + number + (paired ? " in your pair" : "") + ".", "log list");
  }

  static Reply notYourLog(PairContext ctx, Session session, String verb) {
    return Reply.error(
        "Session #"
            + session.getNumber()
            + " is "
            + Markup.text(ctx.partnerName())
            + "'s log, not yours; you can only "
            + verb
            + " your own. Add your side with `"
            + Markup.command("log on " + session.getLocalDate())
            + "`.",
        "log list");
  }

  static Reply noSessions() {
    return Reply.info(
        "No sessions yet. Log one with `" + Markup.command("log 45m what you covered") + "`.",
        List.of());
  }

  /** Who logged a listed session, and how the actor adds their side when only the partner did. */
  static String loggedBy(PairContext ctx, Session session, boolean mine, boolean theirs) {
    if (mine && theirs) {
      return "logged by you and " + Markup.text(ctx.partnerName());
    }
    if (mine) {
      return "logged by you";
    }
    return "logged by "
        + Markup.text(ctx.partnerName())
        + ": add your side with `"
        + Markup.command("log on " + session.getLocalDate())
        + "`";
  }

  static String listHeading(PairContext ctx, int shown, int total) {
    String more = total > shown ? " (the newest " + shown + " of " + total + ")" : "";
    return (ctx.paired()
            ? "Sessions with *" + Markup.text(ctx.partnerName()) + "*"
            : "Your sessions")
        + more
        + ". Change yours with `"
        + Markup.command("log edit N")
        + "` or `"
        + Markup.command("log delete N")
        + "`.";
  }

  static String numbered(Session session, PairContext ctx) {
    return "#" + session.getNumber() + " · " + StatusView.describe(session, ctx.zone());
  }

  static Reply confirmDelete(Session session, String what) {
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

  static Reply deleted(PairContext ctx, String what, boolean gone) {
    return Reply.success(
        "Deleted your log of session "
            + what
            + "."
            + (gone ? "" : " " + Markup.text(ctx.partnerName()) + "'s side stays."),
        List.of());
  }

  static Reply notYoursToEdit() {
    return Reply.error("That log is not yours to edit; you can only change your own.", "log list");
  }

  static String alreadyLoggedOn(Session session, String day) {
    return "You already logged session #" + session.getNumber() + " on " + day + ".";
  }

  static Reply updated(PairContext ctx, Session session) {
    return Reply.success(
        "Updated your log of session #"
            + session.getNumber()
            + ": "
            + StatusView.describe(session, ctx.zone())
            + ".",
        List.of());
  }

  static Reply openNew(Reply.Form form) {
    return Reply.openForm("Tell Tandem about your session.", form);
  }

  static Reply openEdit(Session session, Reply.Form form) {
    return Reply.openForm("Here is your log of session #" + session.getNumber() + ".", form);
  }

  /** The partner's prompt to add their side of a session the actor logged. */
  static Reply partnerPrompt(PairContext ctx, Session session) {
    return new Reply(
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
                "Add my side with " + ctx.member().getDisplayName(),
                "log on " + session.getLocalDate() + " pair:" + ctx.pair().getId(),
                Reply.Button.Style.PRIMARY)),
        null);
  }

  /** What the actor reads after logging: the session and the running totals. */
  static Reply logged(
      PairContext ctx,
      Session session,
      LogForms.Entry entry,
      boolean second,
      Sessions.Totals totals) {
    String duration = Durations.humanMinutes(entry.minutes());
    String text =
        entry.topic().isEmpty()
            ? "Logged *" + duration + "*."
            : "Logged *" + duration + "* on " + Markup.text(entry.topic()) + ".";
    if (ctx.paired()) {
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
    }
    return Reply.success(
        text,
        List.of(
            new Reply.Field("Sessions so far", Long.toString(totals.count())),
            new Reply.Field("Total time", Durations.humanMinutes(totals.minutes()))));
  }
}
