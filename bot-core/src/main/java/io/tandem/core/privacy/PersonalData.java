package io.tandem.core.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

// Long because it is the one list of where personal data lives, a rule per table read top to
// bottom; split over classes, a table could hide from the export and the erasure.
/**
 * The one list of where Tandem keeps something about a person, and what {@code my data} and {@code
 * forget me} do with each place. {@link io.tandem.core.privacy.persistence.PersonalDataRows} runs
 * it: the export selects each rule's rows, the erasure applies each rule's treatments in list
 * order. A test compares the list with the migrated schema, so a new table or column that looks
 * personal ({@link #PERSON_COLUMN}) fails the build until a rule here says how it is exported and
 * erased.
 *
 * <p>Erasure keeps counts: rows that reports count (participations, pairs, sessions, goals, skill
 * ratings, signals, survey answers) stay, attached to a pseudonymous member whose user id and name
 * are replaced by a random id; what the person wrote, and everything that names them, is cleared.
 *
 * <p>Placeholders in the SQL: {@code :member} (the person's {@code member.id} in one workspace),
 * {@code :user} (their platform user id), {@code :email} (their lower-cased email, or null) and
 * {@code :workspace} ({@code workspace.id}), {@code :name} (their display name before erasure) and
 * {@code :userLike} ({@code %user id%}).
 */
public final class PersonalData {

  private PersonalData() {}

  /** Column names that suggest a person or their words; each must be covered by a rule. */
  public static final Pattern PERSON_COLUMN =
      Pattern.compile(
          "(^|_)(user|member|participant|mentor|mentee|owner|employee|recipient|manager|email"
              + "|name|note|text|topic|taught|learned|request|answer|payload|details|reasons"
              + "|error|availability|teach|learn|skill|department|channel|key|by)(_|$)",
          Pattern.CASE_INSENSITIVE);

  /**
   * One place a person's data lives.
   *
   * @param table the table
   * @param what what the rows are, in words (the export's section name when {@code exportWhere} is
   *     set)
   * @param exportWhere which rows {@code my data} sends, or {@code null} when none are the person's
   *     own data
   * @param eraseWhere which rows erasure treats, or {@code null} when it leaves the table alone
   * @param deleteRows whether erasure deletes the rows instead of changing columns
   * @param keyColumn the primary key, for {@link Treatment#REPLACE_MENTIONS} (row by row)
   * @param columns every person-looking column of the table and its treatment
   * @param why why this treatment, for the next person who reads it
   */
  public record Rule(
      String table,
      String what,
      String exportWhere,
      String eraseWhere,
      boolean deleteRows,
      String keyColumn,
      Map<String, Treatment> columns,
      String why) {
    public Rule {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(what, "what");
      columns = Map.copyOf(columns);
      Objects.requireNonNull(why, "why");
      if (columns.containsValue(Treatment.REPLACE_MENTIONS) && keyColumn == null) {
        throw new IllegalArgumentException(table + ": replacing mentions needs a key column");
      }
    }

    /** Whether erasure replaces mentions in this rule's rows (found by the mentions themselves). */
    public boolean replacesMentions() {
      return columns.containsValue(Treatment.REPLACE_MENTIONS);
    }
  }

  private static final String PARTICIPANTS =
      "(SELECT id FROM participant WHERE member_id = :member)";

  /** Every rule, in the order erasure applies them. */
  public static final List<Rule> RULES =
      List.of(
          new Rule(
              "member",
              "profile",
              "id = :member",
              "id = :member",
              false,
              "id",
              columns(
                  "user_id", Treatment.PSEUDONYMISE,
                  "display_name", Treatment.PSEUDONYMISE,
                  "email", Treatment.NULL,
                  "time_zone", Treatment.NULL,
                  "reminder_minute", Treatment.NULL,
                  "reminder_weekends", Treatment.NULL,
                  "workspace_id", Treatment.KEEP),
              "the member row stays under a random id so that the retention proxy and every row"
                  + " linked to it still count; nothing in it names the person"),
          new Rule(
              "participant",
              "memberships",
              "member_id = :member",
              "member_id = :member",
              false,
              "id",
              columns(
                  "member_id", Treatment.LINK,
                  "department", Treatment.NULL,
                  "seniority_band", Treatment.NULL,
                  "career_start", Treatment.NULL,
                  "manager", Treatment.NULL,
                  "communication", Treatment.NULL,
                  "time_zone", Treatment.NULL,
                  "can_teach", Treatment.EMPTY,
                  "wants_to_learn", Treatment.EMPTY,
                  "availability", Treatment.EMPTY,
                  "reminder_hour", Treatment.NULL,
                  "reminder_weekends", Treatment.NULL,
                  "paused_until", Treatment.NULL),
              "role, status and joining time stay for the funnel; the profile goes"),
          new Rule(
              "participant",
              "other people's profiles naming the person as their manager",
              null,
              "manager = :user OR manager = :name",
              false,
              "id",
              columns("manager", Treatment.NULL),
              "a manager is only used to keep reporting lines apart; the person is gone"),
          new Rule(
              "mentoring_pair",
              "pairs",
              "mentor_id IN " + PARTICIPANTS + " OR mentee_id IN " + PARTICIPANTS,
              null,
              false,
              "id",
              columns(
                  "mentor_id", Treatment.LINK,
                  "mentee_id", Treatment.LINK,
                  "reasons", Treatment.REPLACE_MENTIONS),
              "pairs stay for the report; the match reasons name skills, not people"),
          new Rule(
              "mentoring_session",
              "sessions you logged",
              "participant_id IN " + PARTICIPANTS,
              "participant_id IN " + PARTICIPANTS,
              false,
              "id",
              columns("participant_id", Treatment.LINK, "topic", Treatment.EMPTY),
              "sessions and minutes stay as counts; the topic the person typed goes"),
          new Rule(
              "session_note",
              "your side of each session, private notes included",
              "participant_id IN " + PARTICIPANTS,
              "participant_id IN " + PARTICIPANTS,
              false,
              "id",
              columns(
                  "participant_id", Treatment.LINK,
                  "topic", Treatment.EMPTY,
                  "taught", Treatment.EMPTY,
                  "learned", Treatment.EMPTY,
                  "private_note", Treatment.EMPTY),
              "minutes and the usefulness rating stay as counts; every word goes"),
          new Rule(
              "goal",
              "goals",
              "owner_id IN " + PARTICIPANTS + " OR created_by IN " + PARTICIPANTS,
              "owner_id IN " + PARTICIPANTS + " OR created_by IN " + PARTICIPANTS,
              false,
              "id",
              columns(
                  "owner_id", Treatment.LINK,
                  "created_by", Treatment.LINK,
                  "text", Treatment.EMPTY,
                  "outcome_text", Treatment.EMPTY),
              "goals set and done stay as counts; what they said goes, and what changed for them"),
          new Rule(
              "goal_task",
              "tasks",
              "created_by IN " + PARTICIPANTS + " OR done_by IN " + PARTICIPANTS,
              "created_by IN " + PARTICIPANTS + " OR done_by IN " + PARTICIPANTS,
              false,
              "id",
              columns(
                  "created_by", Treatment.LINK,
                  "done_by", Treatment.LINK,
                  "text", Treatment.EMPTY),
              "tasks stay as counts for progress; their text goes"),
          new Rule(
              "skill_rating",
              "skill ratings",
              "participant_id IN " + PARTICIPANTS,
              null,
              false,
              "id",
              columns("participant_id", Treatment.LINK, "skill", Treatment.KEEP),
              "a skill and a level under a pseudonym feed the self-rating change; no words"),
          new Rule(
              "signal",
              "engagement signals",
              "actor_member_id = :member OR participant_id IN " + PARTICIPANTS,
              null,
              false,
              "id",
              columns(
                  "actor_member_id", Treatment.LINK,
                  "participant_id", Treatment.LINK,
                  "details", Treatment.REPLACE_MENTIONS),
              "the engagement log is counted by reports; details never hold what people wrote"),
          new Rule(
              "survey_invitee",
              "invitations to surveys",
              "member_id = :member",
              null,
              false,
              null,
              columns("member_id", Treatment.LINK),
              "who was invited and the day they answered: response rates"),
          new Rule(
              "survey_named_answer",
              "your answers to named surveys",
              "member_id = :member",
              "member_id = :member",
              false,
              null,
              columns(
                  "member_id", Treatment.LINK, "answer", Treatment.KEEP, "text", Treatment.NULL),
              "the chosen answer stays for the results; free text goes"),
          new Rule(
              "pair_checkin",
              "your pair check-ins",
              "participant_id IN " + PARTICIPANTS,
              "participant_id IN " + PARTICIPANTS,
              false,
              null,
              columns("participant_id", Treatment.LINK, "note", Treatment.NULL),
              "the rating and the learning answer stay for the counts the report shows; the note"
                  + " goes"),
          new Rule(
              "survey_text",
              "anonymous free-text answers",
              null,
              null,
              false,
              "id",
              columns("text", Treatment.REPLACE_MENTIONS),
              "stored under random ids and linked to nobody, so it stays; where a text names the"
                  + " person, the name is replaced"),
          new Rule(
              "survey_tally",
              "anonymous answer counts",
              null,
              null,
              false,
              null,
              columns("answer", Treatment.KEEP),
              "counts per answer, linked to nobody"),
          new Rule(
              "exclusion",
              "people you asked never to be paired with",
              "member_id = :member",
              "member_id = :member OR excluded_user_id = :user",
              true,
              null,
              columns("member_id", Treatment.LINK, "excluded_user_id", Treatment.PSEUDONYMISE),
              "only the matcher reads exclusions; both the person's and those naming them go"),
          new Rule(
              "working_agreement_answer",
              "your answers to your pairs' working agreements",
              "member_id = :member",
              "member_id = :member",
              false,
              "id",
              columns("member_id", Treatment.LINK, "note", Treatment.EMPTY),
              "how the pair meets stays, so their agreement still holds; the note's words go"),
          new Rule(
              "workspace_admin",
              "your record as a program admin",
              "user_id = :user AND workspace_id = :workspace",
              "user_id = :user AND workspace_id = :workspace",
              true,
              null,
              columns("user_id", Treatment.PSEUDONYMISE),
              "admins are remembered as they act; the next admin command adds them again"),
          new Rule(
              "program_admin",
              "programs you were made an admin of",
              "user_id = :user AND workspace_id = :workspace",
              "user_id = :user AND workspace_id = :workspace",
              true,
              null,
              columns("user_id", Treatment.PSEUDONYMISE),
              "the right goes with you; a workspace admin can grant it again"),
          new Rule(
              "program_admin",
              "admin rights you granted others",
              "granted_by = :user AND workspace_id = :workspace",
              "granted_by = :user AND workspace_id = :workspace",
              false,
              null,
              columns("granted_by", Treatment.PSEUDONYMISE),
              "the people you made admins keep the right; who granted it is forgotten"),
          new Rule(
              "guidance_template",
              "guidance templates you changed",
              "updated_by = :user AND workspace_id = :workspace",
              "updated_by = :user AND workspace_id = :workspace",
              false,
              null,
              columns(
                  "updated_by",
                  Treatment.PSEUDONYMISE,
                  "name",
                  Treatment.KEEP,
                  "text",
                  Treatment.KEEP),
              "the program keeps its guidance, an admin's text for every pair; who changed it is"
                  + " forgotten"),
          new Rule(
              "dm_channel",
              "direct-message channels opened with you",
              null,
              "(',' || users || ',') LIKE ('%,' || :user || ',%')",
              true,
              null,
              columns("users", Treatment.PSEUDONYMISE, "channel_id", Treatment.KEEP),
              "a remembered channel only saves a platform call; the platform opens it again"),
          new Rule(
              "roster_entry",
              "HR roster rows linked to you",
              "workspace_id = :workspace AND (user_id = :user OR LOWER(employee) = :email)",
              "workspace_id = :workspace AND (user_id = :user OR LOWER(employee) = :email)",
              false,
              "id",
              columns(
                  "employee", Treatment.PSEUDONYMISE,
                  "user_id", Treatment.NULL,
                  "department", Treatment.KEEP),
              "hire and exit dates, department and band stay for retention; the HR id goes (the"
                  + " next roster import brings back what HR still holds)"),
          new Rule(
              "outbox_message",
              "messages waiting for you",
              null,
              "workspace_id = :workspace AND recipient_user_id = :user AND state = 'QUEUED'",
              true,
              null,
              columns("recipient_user_id", Treatment.PSEUDONYMISE),
              "nothing more is sent to a person who asked to be forgotten"),
          new Rule(
              "outbox_message",
              "messages sent to you",
              null,
              "workspace_id = :workspace AND recipient_user_id = :user",
              false,
              "id",
              columns(
                  "recipient_user_id", Treatment.PSEUDONYMISE,
                  "channel_id", Treatment.NULL,
                  "payload", Treatment.EMPTY_PAYLOAD,
                  "last_error", Treatment.NULL),
              "delivered and dead messages stay for the counts, without a word of what they said"),
          new Rule(
              "outbox_message",
              "messages to others that name you",
              null,
              null,
              false,
              "id",
              columns(
                  "dedup_key", Treatment.REPLACE_MENTIONS,
                  "payload", Treatment.REPLACE_MENTIONS,
                  "last_error", Treatment.REPLACE_MENTIONS,
                  "lease_owner", Treatment.KEEP),
              "a partner's reminder names them; the name and id become the pseudonym"),
          new Rule(
              "inbox",
              "requests you made in the last day",
              null,
              "state IN ('ANSWERING', 'ANSWERED')"
                  + " AND (request LIKE :userLike OR answer LIKE :userLike)",
              true,
              null,
              columns(
                  "request", Treatment.KEEP,
                  "answer", Treatment.KEEP,
                  "delivery_key", Treatment.KEEP),
              "raw requests are kept one day to recognise retries; finished ones of the person go"
                  + " now, ones still in flight (the erasure's own) with the daily clean-up"),
          new Rule(
              "erasure_audit",
              "the erasure log",
              null,
              null,
              false,
              null,
              columns("erased_by", Treatment.KEEP),
              "who asked for an erasure and when; never whom it erased"),
          new Rule(
              "program",
              "programs",
              null,
              null,
              false,
              null,
              columns("name", Treatment.KEEP),
              "a program's name is chosen by its admins and names no participant"),
          new Rule(
              "id_gen",
              "id counters",
              null,
              null,
              false,
              null,
              columns("name", Treatment.KEEP),
              "the name of each id sequence"),
          new Rule(
              "flyway_schema_history",
              "schema migrations",
              null,
              null,
              false,
              null,
              columns("installed_by", Treatment.KEEP),
              "the database account that migrated, not a person of a workspace"));

  /** Quartz's own tables ({@code QRTZ_…}): job, trigger and instance names, no people. */
  public static final String SCHEDULER_TABLE_PREFIX = "qrtz_";

  /** Tables that may be absent (made by a migration tool, not by Tandem's migrations). */
  public static final List<String> OPTIONAL_TABLES = List.of("flyway_schema_history");

  /** Every rule for {@code table}, in order. */
  public static List<Rule> rulesFor(String table) {
    return RULES.stream().filter(r -> r.table().equalsIgnoreCase(table)).toList();
  }

  private static Map<String, Treatment> columns(Object... pairs) {
    Map<String, Treatment> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Treatment) pairs[i + 1]);
    }
    return map;
  }
}
