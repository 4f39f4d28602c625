package io.tandem.core.calendar;

import io.tandem.core.checkins.PairContext;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.delivery.OutboxPayload;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.matching.Pair;
import io.tandem.core.matching.model.WeeklyAvailability;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.FileAttachment;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A pair's meetings in their calendars, in the caller's transaction: the times both are free,
 * planning one (and sending both the calendar invitation), and cancelling it when the pairing ends.
 * Other features call the public methods: the introduction proposes times, ending a pair cancels,
 * {@code status} shows the next session.
 */
public final class Meetings {

  /** How long a planned session lasts: the first session the introduction describes. */
  public static final Duration LENGTH = Duration.ofMinutes(45);

  /** How soon a proposed time may start, so nobody is asked to meet within the hour. */
  static final Duration LEAD = Duration.ofHours(12);

  /** How many times one proposal offers. */
  static final int PROPOSED = 3;

  /** One person of a pair, with where and when they are free. */
  record Side(Member member, Participant participant, ZoneId zone) {
    SlotFinder.Person person() {
      return SlotFinder.Person.of(zone, participant.getAvailability());
    }

    String name() {
      return member.getDisplayName();
    }
  }

  private Meetings() {}

  /** The pair's mentor, then its mentee. */
  static List<Side> sides(Store store, Pair pair) {
    Participants participants = Participants.in(store);
    Members members = Members.in(store);
    return java.util.stream.Stream.of(pair.getMentorId(), pair.getMenteeId())
        .map(id -> participants.byId(id).orElseThrow())
        .map(
            p -> {
              Member m = members.byId(p.getMemberId()).orElseThrow();
              return new Side(m, p, PairContext.zoneOf(p.getTimeZone(), m.getTimeZone()));
            })
        .toList();
  }

  /** The next times after {@code after} both people of the pair are free. */
  static List<Instant> slots(List<Side> sides, Instant after) {
    return SlotFinder.next(sides.get(0).person(), sides.get(1).person(), after, LENGTH, PROPOSED);
  }

  /**
   * Right after a pair's introduction: proposes to both together the next times they are both free,
   * or, when the weeks ahead hold none, suggests agreeing on one in the chat.
   */
  public static void propose(Store store, Workspace workspace, Pair pair, Instant now) {
    Program program = Programs.in(store).byId(pair.getProgramId()).orElseThrow();
    List<Side> sides = sides(store, pair);
    Outbox.queue(
        store,
        workspace.getId(),
        workspace.getPlatform(),
        "slots:" + pair.getId(),
        group(sides),
        CalendarMessages.proposal(program, pair, sides, slots(sides, now.plus(LEAD)), true),
        now,
        now);
  }

  /** Queues more proposals after {@code after}; whether they were new. */
  static boolean proposeAfter(
      Store store, Program program, Pair pair, List<Side> sides, Instant after, Instant now) {
    Workspace workspace = Workspaces.in(store).byId(pair.getWorkspaceId()).orElseThrow();
    return Outbox.queue(
        store,
        workspace.getId(),
        workspace.getPlatform(),
        "slots:" + pair.getId() + ":" + after.getEpochSecond(),
        group(sides),
        CalendarMessages.proposal(program, pair, sides, slots(sides, after), false),
        now,
        now);
  }

  static ChatTarget group(List<Side> sides) {
    return new ChatTarget.GroupMessage(sides.stream().map(s -> s.member().getUserId()).toList());
  }

  /**
   * Plans the pair's session at {@code start} and sends both people the invitation; an earlier plan
   * moves (same event, next sequence).
   */
  static PlannedSession plan(
      Store store, Pair pair, List<Side> sides, Instant start, Integer repeatDays, Instant now) {
    PlannedSessions planned = PlannedSessions.in(store);
    PlannedSession session =
        planned
            .ofPair(pair.getId())
            .orElseGet(
                () -> planned.add(new PlannedSession(pair.getWorkspaceId(), pair.getId(), now)));
    session.plan(start, LENGTH, sides.get(0).zone(), repeatDays, now);
    pair.nextSessionAt(session.getNextAt());
    send(store, pair, sides, session, false, now);
    return session;
  }

  /** The pair's occurrence was asked about: a series moves on, a single session is done. */
  static void asked(Pair pair, PlannedSession session, Instant now) {
    session.asked(now);
    pair.nextSessionAt(session.getNextAt());
  }

  /**
   * When a pairing ends (in the transaction that ends it): a planned session is cancelled, and both
   * people get the cancellation for their calendars.
   */
  public static void cancel(Store store, Pair pair, Instant now) {
    Optional<PlannedSession> session =
        PlannedSessions.in(store)
            .ofPair(pair.getId())
            .filter(s -> s.getStatus() == PlannedSession.Status.PLANNED);
    if (session.isEmpty()) {
      return;
    }
    session.get().cancel(now);
    pair.nextSessionAt(null);
    send(store, pair, sides(store, pair), session.get(), true, now);
  }

  /**
   * The pair's next planned session as {@code status} shows it, in the reader's zone, e.g. {@code
   * Tue 8 Dec · 14:00 (45 min, every 14 days)}; empty when none is planned.
   */
  public static Optional<String> nextSession(Store store, Pair pair, ZoneId zone) {
    return PlannedSessions.in(store)
        .ofPair(pair.getId())
        .filter(s -> s.getStatus() == PlannedSession.Status.PLANNED && s.getNextAt() != null)
        .map(CalendarMessages::nextLine)
        .map(line -> line.apply(zone));
  }

  /**
   * A reminder with, appended, the next time both people are free from {@code notBefore} on (in the
   * reader's zone) and a button to book it; as it was when a session is planned or none fits.
   */
  public static Reply withNextFree(
      Reply reminder, Pair pair, List<SlotFinder.Person> both, ZoneId reader, Instant notBefore) {
    return withSlot(reminder, pair, nextFree(pair, both, notBefore), reader);
  }

  /**
   * The next time both people are free from {@code notBefore} on that {@link #withNextFree}
   * proposes: the same for both readers, so a pair's two reminders look for it once.
   */
  public static Optional<Instant> nextFree(
      Pair pair, List<SlotFinder.Person> both, Instant notBefore) {
    if (pair.getNextSessionAt() != null) {
      return Optional.empty();
    }
    List<Instant> next = SlotFinder.next(both.get(0), both.get(1), notBefore.plus(LEAD), LENGTH, 1);
    return next.isEmpty() ? Optional.empty() : Optional.of(next.get(0));
  }

  /** {@link #withNextFree} with the slot {@link #nextFree} found. */
  public static Reply withSlot(Reply reminder, Pair pair, Optional<Instant> free, ZoneId reader) {
    if (free.isEmpty()) {
      return reminder;
    }
    Instant slot = free.get();
    List<Reply.Button> buttons = new java.util.ArrayList<>(reminder.buttons());
    buttons.add(CalendarMessages.reminderButton(pair.getId(), slot, reader));
    return new Reply(
        reminder.kind(),
        reminder.visibility(),
        reminder.text()
            + " Next time you're both free: "
            + CalendarMessages.when(slot, reader)
            + " your time.",
        reminder.fields(),
        buttons,
        reminder.form());
  }

  private static void send(
      Store store,
      Pair pair,
      List<Side> sides,
      PlannedSession session,
      boolean cancel,
      Instant now) {
    Program program = Programs.in(store).byId(pair.getProgramId()).orElseThrow();
    Workspace workspace = Workspaces.in(store).byId(pair.getWorkspaceId()).orElseThrow();
    Invitation.Event event =
        new Invitation.Event(
            pair.getId(),
            session.getSequence(),
            session.getStartsAt(),
            session.getLength(),
            session.getZone(),
            session.getRepeatDays(),
            "Tandem: " + sides.get(0).name() + " and " + sides.get(1).name(),
            "Your reverse-mentoring session in " + program.getName() + ", planned in Tandem.",
            sides.stream()
                .map(
                    s ->
                        new Invitation.Person(
                            s.name(), s.member().getEmail(), s.member().getUserId()))
                .toList(),
            now);
    FileAttachment file =
        new FileAttachment(
            Invitation.fileName(pair.getId()),
            cancel ? Invitation.cancel(event) : Invitation.request(event));
    for (Side side : sides) {
      ChatTarget to = new ChatTarget.DirectMessage(side.member().getUserId());
      Reply reply =
          cancel
              ? CalendarMessages.cancelled(session, side)
              : CalendarMessages.invited(session, side, otherOf(sides, side));
      Outbox.queue(
          store,
          workspace.getId(),
          workspace.getPlatform(),
          (cancel ? "invite-cancel:" : "invite:")
              + pair.getId()
              + ":"
              + session.getSequence()
              + ":"
              + side.member().getUserId(),
          to,
          new OutboxPayload(to, reply, List.of(), List.of(file)),
          now,
          now);
    }
  }

  static Side otherOf(List<Side> sides, Side side) {
    return sides.get(0) == side ? sides.get(1) : sides.get(0);
  }

  /** Markup of a person's name. */
  static String name(Side side) {
    return Markup.text(side.name());
  }

  /** Whether {@code availability} text reads as hours; blank means working hours. */
  static WeeklyAvailability availability(String text) {
    if (text == null || text.isBlank()) {
      return WeeklyAvailability.WORKING_HOURS;
    }
    try {
      return WeeklyAvailability.parse(text);
    } catch (IllegalArgumentException e) {
      return WeeklyAvailability.WORKING_HOURS;
    }
  }
}
