package io.tandem.core.reminders;

import io.tandem.core.command.Command;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Pause, resume, leave and "continue": a participant's own say over their participation; one entry
 * point over the use cases that do each.
 *
 * <ul>
 *   <li>{@code pause [until DATE|2w]} ({@link PauseParticipation}) stops reminders and nudges for
 *       the pair until that day; the reminder job resumes them ({@link #resumeDue}).
 *   <li>{@code resume} ({@link ResumeParticipation}) ends a pause now; the cadence starts over.
 *   <li>{@code leave} / {@code leave confirm} ({@link LeaveProgram}) ends the participation and the
 *       pair, tells the partner kindly, and moves the first waitlisted person up.
 *   <li>{@code continue} ({@link CarryOn}) answers the at-risk question with a fresh round.
 * </ul>
 */
public final class Participation {

  private final PauseParticipation pause;
  private final ResumeParticipation resume;
  private final LeaveProgram leave;
  private final CarryOn carryOn;
  private final RememberAdmins admins;

  public Participation(Database db, Clock clock) {
    this.pause = new PauseParticipation(db, clock);
    this.resume = new ResumeParticipation(db, clock);
    this.leave = new LeaveProgram(db, clock);
    this.carryOn = new CarryOn(db, clock);
    this.admins = new RememberAdmins(db, clock);
  }

  /**
   * Pauses until the start of {@code until} in the actor's zone, or for {@code days} days when
   * {@code until} is {@code null}.
   */
  public Reply pause(Actor actor, LocalDate until, Integer days) {
    return pause(actor, until, days, Command.Target.NONE);
  }

  /** As {@link #pause(Actor, LocalDate, Integer)}, in the program {@code target} names. */
  public Reply pause(Actor actor, LocalDate until, Integer days, Command.Target target) {
    return pause.pause(actor, until, days, target);
  }

  public Reply resume(Actor actor) {
    return resume(actor, Command.Target.NONE);
  }

  public Reply resume(Actor actor, Command.Target target) {
    return resume.resume(actor, target);
  }

  /**
   * Resumes everyone whose pause ended by {@code at}, and tells them (called by the reminder job).
   */
  public int resumeDue(Instant at) {
    return resume.resumeDue(at);
  }

  public Reply leave(Actor actor, boolean confirmed) {
    return leave(actor, confirmed, Command.Target.NONE);
  }

  /** {@code leave [PROGRAM] [confirm]}: leaves one program, asking first. */
  public Reply leave(Actor actor, boolean confirmed, Command.Target target) {
    return leave.leave(actor, confirmed, target);
  }

  /**
   * Ends {@code me}'s participation as {@code leave confirm} does, in the caller's transaction: for
   * a person who asked to be forgotten. The partner is told kindly without being told who left.
   */
  public static void endForErasure(Store store, Member member, Participant me, Instant now) {
    LeaveProgram.endForErasure(store, member, me, now);
  }

  /** {@code continue}: the at-risk pair carries on; the cadence starts over today. */
  public Reply carryOn(Actor actor) {
    return carryOn(actor, Command.Target.NONE);
  }

  public Reply carryOn(Actor actor, Command.Target target) {
    return carryOn.carryOn(actor, target);
  }

  /** Remembers admins as they act, so "we need help" and escalations reach them. */
  public void adminActed(Actor actor) {
    admins.acted(actor);
  }
}
