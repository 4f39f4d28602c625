package io.tandem.core.privacy;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.OutboxPayload;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.kernel.LogText;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.reminders.Participation;
import io.tandem.core.store.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code forget me}, an admin's {@code forget @person} and the operator's {@code tandem forget
 * USER}: ends every participation of the person as {@code leave} does (the partner is told kindly,
 * without being told who), then erases their personal data by {@link PersonalData}, keeping counts
 * under a random pseudonym, and writes one line to {@code erasure_audit}, all in one transaction.
 */
public final class ForgetPerson {

  private static final Logger LOG = LoggerFactory.getLogger(ForgetPerson.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What an erasure did. */
  public record Erased(String workspace, int participationsEnded, Map<String, Integer> rows) {
    public int rowsChanged() {
      return rows.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private final Database db;
  private final Clock clock;

  public ForgetPerson(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The chat command: asks first, then erases the actor or, for admins, the person named. */
  public Reply forget(Actor actor, PrivacyCommand.Forget command) {
    boolean self = command.userId() == null || command.userId().equals(actor.userId());
    if (!self && !actor.admin()) {
      return Reply.error(
          "Only workspace admins can erase someone else's data. To erase your own, say `"
              + Markup.command("forget me")
              + "`.",
          PrivacyGrammar.FORGET_EXAMPLE);
    }
    String userId = self ? actor.userId() : command.userId();
    if (!command.confirmed()) {
      return ask(self, userId);
    }
    Optional<Erased> erased;
    try {
      erased =
          erase(
              actor.platform(),
              actor.workspaceId(),
              userId,
              self ? "self" : "admin " + actor.userId());
    } catch (ProgramLookup.NotFound e) {
      erased = Optional.empty();
    }
    if (erased.isEmpty()) {
      return Reply.info(
          self
              ? "Tandem holds nothing about you here, so there is nothing to erase."
              : "Tandem holds nothing about that person here, so there is nothing to erase.",
          List.of());
    }
    return Reply.success(
        self
            ? "Done: Tandem has erased your data. You have left every program"
                + (erased.get().participationsEnded() > 0 ? " (a partner has been told)" : "")
                + ", and your profile, notes, goals and answers are gone; reports keep only"
                + " counts that name nobody. Thank you for taking part."
            : "Done: Tandem has erased that person's data and ended their participation; reports"
                + " keep only counts that name nobody.",
        List.of());
  }

  private static Reply ask(boolean self, String userId) {
    String value = self ? "forget me confirm" : PrivacyGrammar.confirmForget(userId);
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        (self
            ? "Erase everything Tandem holds about you? You leave every program (your partner"
                + " is told kindly), and your profile, session notes, goals, tasks and named"
                + " survey answers are erased for good. Reports keep only counts that name"
                + " nobody. You can ask for a copy first with `"
                + Markup.command("my data")
                + "`."
            : "Erase everything Tandem holds about "
                + Markup.mention(userId)
                + "? They leave every program (a partner is told kindly), and their"
                + " profile, notes, goals and named survey answers are erased for good."),
        List.of(),
        List.of(
            new Reply.Button(
                CommandDispatcher.COMMAND_ACTION, "Yes, erase", value, Reply.Button.Style.DANGER),
            new Reply.Button(
                CommandDispatcher.COMMAND_ACTION,
                self ? "Send me my data" : "Keep it",
                self ? "my data" : "help",
                null)),
        null);
  }

  /**
   * Erases one person of a workspace, for the chat command and the operator.
   *
   * @param platform {@code null} when the database holds one workspace that fits
   * @param workspaceId the Slack team id or Discord guild id; {@code null} for the only one
   * @param erasedBy who asked: {@code self}, {@code admin U123} or {@code operator}
   * @return empty when Tandem holds nothing about the person there
   * @throws ProgramLookup.NotFound when no workspace or several fit
   */
  public Optional<Erased> erase(
      Platform platform, String workspaceId, String userId, String erasedBy) {
    Objects.requireNonNull(userId, "userId");
    return db.transaction(
        store -> {
          Workspace workspace = ProgramLookup.workspace(store, platform, workspaceId);
          Optional<Member> member = Members.in(store).find(workspace.getId(), userId);
          if (member.isEmpty()) {
            return Optional.empty();
          }
          Instant now = clock.instant();
          int ended = 0;
          for (Participant p : Participants.in(store).ofMember(member.get().getId())) {
            if (p.getStatus() != io.tandem.core.enrolment.ParticipantStatus.LEFT) {
              Participation.endForErasure(store, member.get(), p, now);
              ended++;
            }
          }
          store.flush();
          String pseudonym = "erased-" + HexFormat.of().formatHex(randomBytes());
          String emptyPayload =
              new OutboxPayload(
                      new ChatTarget.DirectMessage(pseudonym),
                      Reply.info("(erased at the person's request)", List.of()))
                  .toJson();
          PersonalRecords records = PersonalRecords.in(store);
          Map<String, Integer> rows =
              records.erase(ExportMyData.person(member.get()), pseudonym, emptyPayload);
          Erased erased = new Erased(ProgramLookup.describe(workspace), ended, rows);
          records.audit(workspace.getId(), now, erasedBy, erased.rowsChanged());
          LOG.info(
              "Erased a person's data in {} at the request of {}: {} rows changed ({})",
              erased.workspace(),
              LogText.of(erasedBy),
              erased.rowsChanged(),
              rows);
          return Optional.of(erased);
        });
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
