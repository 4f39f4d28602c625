package io.tandem.core.surveys;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.kernel.Role;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChartAttachment;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.store.Database;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveyTemplate.Audience;
import io.tandem.core.surveys.SurveyTemplate.Question;
import io.tandem.core.surveys.SurveyTemplate.Type;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Pulse surveys: admins send, schedule, list, cancel and read them; participants answer with one
 * click or one form, in a DM queued through the outbox; {@link SurveyJob} reminds, closes and sends
 * scheduled runs. Every call is one transaction.
 *
 * <p><b>Anonymity.</b> For anonymous runs an answer only increments a count per question and answer
 * ({@code survey_tally}) or adds a free-text row with a random id and no time ({@code
 * survey_text}); who answered is kept apart, by day only ({@code survey_invitee.answered_on}).
 * Results show nothing for fewer answers than the threshold, and free text only from {@link
 * SurveySettings#textThreshold()}.
 */
public final class Surveys {

  /** Inline answer buttons: value {@code runId:answer}. */
  public static final String ANSWER_ACTION = "survey.answer";

  /** The button that opens a run's form: value {@code runId}. */
  public static final String OPEN_ACTION = "survey.open";

  private static final String FORM_PREFIX = "survey:";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int FIRST_LOCAL_HOUR = 9;
  private static final int LAST_LOCAL_HOUR = 18;

  private final Database db;
  private final Clock clock;
  private final SurveySettings settings;

  public Surveys(Database db, Clock clock, SurveySettings settings) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public static boolean handles(String formId) {
    return formId.startsWith(FORM_PREFIX);
  }

  /** Routes a parsed survey command. */
  public Reply handle(Actor actor, SurveyCommand command) {
    if (!actor.admin()) {
      return Reply.error(
          "Only program admins can do that. On Slack that is workspace admins and the users listed"
              + " under `slack.admins`; on Discord, people with Manage Server or the admin role.",
          "status");
    }
    if (command instanceof SurveyCommand.Send send) {
      return send(actor, send);
    }
    if (command instanceof SurveyCommand.Results results) {
      return results(actor, results.run());
    }
    if (command instanceof SurveyCommand.ListRuns) {
      return list(actor);
    }
    if (command instanceof SurveyCommand.Cancel cancel) {
      return cancel(actor, cancel);
    }
    return schedule(actor, (SurveyCommand.ScheduleSend) command);
  }

  // ---------------------------------------------------------------- sending

  private Reply send(Actor actor, SurveyCommand.Send command) {
    Optional<SurveyTemplate> template = settings.template(command.template());
    if (template.isEmpty()) {
      return unknownTemplate(command.template());
    }
    return db.inTransactionRetryingConflicts(
        em -> {
          Store store = new Store(em);
          Optional<Program> program = program(store, actor, command.program());
          if (program.isEmpty()) {
            return noProgram(command.program());
          }
          Instant now = now();
          Optional<SurveyRun> run = start(store, program.get(), template.get(), now, null);
          if (run.isEmpty()) {
            return Reply.error(
                "Nobody in *"
                    + Markup.text(program.get().getName())
                    + "* is in this survey's audience ("
                    + template.get().audience().name().toLowerCase(Locale.ROOT)
                    + ") yet.",
                "survey send " + template.get().id() + " " + Markup.text(program.get().getName()));
          }
          SurveyRun r = run.get();
          return Reply.success(
              "Sent *"
                  + Markup.text(r.title())
                  + "* (run #"
                  + r.id()
                  + ") to "
                  + r.invited()
                  + (r.invited() == 1 ? " person" : " people")
                  + " in *"
                  + Markup.text(program.get().getName())
                  + "*, "
                  + (r.anonymous() ? "anonymously" : "with names")
                  + ". Non-respondents are reminded on "
                  + day(r.remindAt())
                  + "; it closes on "
                  + day(r.closesAt())
                  + ". Read the results with `"
                  + Markup.command("survey results " + r.id())
                  + "`.",
              List.of());
        });
  }

  /** Creates a run, its invitees and their DMs; empty when nobody is in the audience. */
  private Optional<SurveyRun> start(
      Store store, Program program, SurveyTemplate template, Instant now, Long scheduleId) {
    EntityManager em = store.entityManager();
    List<Participant> audience =
        store.participants(program.getId()).stream()
            .filter(p -> p.getStatus() == ParticipantStatus.ACTIVE)
            .filter(p -> inAudience(template.audience(), p.getRole()))
            .toList();
    List<Member> members =
        audience.stream()
            .map(p -> store.memberById(p.getMemberId()).orElseThrow())
            .distinct()
            .toList();
    if (members.isEmpty()) {
      return Optional.empty();
    }
    long id = nextId(em, "survey_run");
    Instant remindAt = now.plus(template.remindAfter());
    Instant closesAt = now.plus(template.openFor());
    update(
        em,
        "INSERT INTO survey_run (id, workspace_id, program_id, template_id, title, anonymous,"
            + " audience, questions, invited, opened_at, remind_at, closes_at, schedule_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS BIGINT))",
        id,
        program.getWorkspaceId(),
        program.getId(),
        template.id(),
        template.title(),
        template.anonymous() ? 1 : 0,
        template.audience().name(),
        SurveyRun.json(template.questions()),
        members.size(),
        now.toEpochMilli(),
        remindAt.toEpochMilli(),
        closesAt.toEpochMilli(),
        scheduleId);
    SurveyRun run = run(em, id).orElseThrow();
    // Every count exists from the start, in answer order, so the table's own order (SQLite's
    // rowid) never shows which answer came first.
    for (int i = 0; i < template.questions().size(); i++) {
      Question q = template.questions().get(i);
      for (int v = q.type().low(); v <= q.type().high(q); v++) {
        update(
            em,
            "INSERT INTO survey_tally (run_id, question, answer, responses) VALUES (?, ?, ?, 0)",
            id,
            i,
            v);
      }
    }
    Workspace workspace = store.workspaceById(program.getWorkspaceId()).orElseThrow();
    for (Member member : members) {
      update(
          em, "INSERT INTO survey_invitee (run_id, member_id) VALUES (?, ?)", id, member.getId());
      Outbox.queue(
          store,
          workspace.getId(),
          workspace.getPlatform(),
          "survey:" + id + ":" + member.getId(),
          new ChatTarget.DirectMessage(member.getUserId()),
          invitation(run, program, false),
          sensibleTime(now, member.getTimeZone()),
          now);
    }
    store.add(
        new Signal(
            program.getWorkspaceId(),
            SignalType.SURVEY_SENT,
            null,
            program.getId(),
            null,
            null,
            now,
            Json.object(Map.of("run", id, "template", template.id(), "invited", members.size()))));
    return Optional.of(run);
  }

  private Reply invitation(SurveyRun run, Program program, boolean reminder) {
    StringBuilder text = new StringBuilder();
    text.append(reminder ? "*Reminder:* " : "")
        .append("*")
        .append(Markup.text(run.title()))
        .append("* — a short survey from *")
        .append(Markup.text(program.getName()))
        .append("*. ")
        .append(privacy(run))
        .append(" It closes on ")
        .append(day(run.closesAt()))
        .append(".\n");
    List<Reply.Button> buttons = new ArrayList<>();
    if (inline(run)) {
      Question q = run.questions().get(0);
      text.append("*").append(q.text()).append("*\n").append(scaleHint(q.type()));
      for (int v = q.type().low(); v <= q.type().high(q); v++) {
        buttons.add(new Reply.Button(ANSWER_ACTION, Integer.toString(v), run.id() + ":" + v, null));
      }
    } else {
      for (int i = 0; i < run.questions().size(); i++) {
        text.append(i + 1).append(". ").append(run.questions().get(i).text()).append('\n');
      }
      buttons.add(
          new Reply.Button(
              OPEN_ACTION,
              "Answer (" + run.questions().size() + " questions)",
              Long.toString(run.id()),
              Reply.Button.Style.PRIMARY));
    }
    return Reply.info(text.toString().strip(), List.of()).withButtons(buttons);
  }

  private String privacy(SurveyRun run) {
    return run.anonymous()
        ? "It is *anonymous*: your answers are stored without your name, and results show only"
            + " when at least "
            + settings.anonymityThreshold()
            + " people have answered."
        : "It is *named*: your answers are stored with your name.";
  }

  private static String scaleHint(Type type) {
    return type == Type.NPS
        ? "0 = not at all likely, 10 = extremely likely"
        : "1 = strongly disagree, 5 = strongly agree";
  }

  private static boolean inline(SurveyRun run) {
    return run.questions().size() == 1
        && (run.questions().get(0).type() == Type.LIKERT
            || run.questions().get(0).type() == Type.NPS);
  }

  // ---------------------------------------------------------------- answering

  /** A click on an inline answer button. */
  public Reply clicked(Actor actor, String actionId, String value) {
    if (OPEN_ACTION.equals(actionId)) {
      return openForm(actor, value);
    }
    String[] parts = value.split(":", 2);
    if (parts.length != 2 || !parts[0].matches("\\d{1,12}") || !parts[1].matches("\\d{1,2}")) {
      return Reply.error("That survey button is no longer active.", "help");
    }
    long runId = Long.parseLong(parts[0]);
    int answer = Integer.parseInt(parts[1]);
    return db.inTransactionRetryingConflicts(
        em -> {
          Store store = new Store(em);
          Instant now = now();
          Eligibility eligible = eligible(store, actor, runId, now);
          if (eligible.refusal() != null) {
            return eligible.refusal();
          }
          SurveyRun run = eligible.run();
          Question q = run.questions().get(0);
          if (!inline(run) || answer < q.type().low() || answer > q.type().high(q)) {
            return Reply.error("That is not an answer to this survey.", "help");
          }
          List<Answer> answers = List.of(new Answer(0, answer, null));
          return record(store, run, eligible.member(), answers, now)
              .orElseGet(
                  () ->
                      Reply.success(
                          "Thanks! Your answer ("
                              + answer
                              + ") to *"
                              + Markup.text(run.title())
                              + "* is recorded"
                              + (run.anonymous() ? " anonymously." : " with your name."),
                          List.of()));
        });
  }

  private Reply openForm(Actor actor, String value) {
    if (!value.matches("\\d{1,12}")) {
      return Reply.error("That survey button is no longer active.", "help");
    }
    long runId = Long.parseLong(value);
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          Eligibility eligible = eligible(store, actor, runId, now());
          if (eligible.refusal() != null) {
            return eligible.refusal();
          }
          if (answered(em, runId, eligible.member().getId())) {
            return alreadyAnswered(eligible.run());
          }
          return Reply.openForm(
              eligible.run().title() + ": " + privacy(eligible.run()), form(eligible.run()));
        });
  }

  private static Reply.Form form(SurveyRun run) {
    List<Reply.Input> inputs = new ArrayList<>();
    for (int i = 0; i < run.questions().size(); i++) {
      Question q = run.questions().get(i);
      String label = (i + 1) + ". " + Markup.text(q.text());
      label = label.length() > 45 ? label.substring(0, 44) + "…" : label;
      String placeholder =
          switch (q.type()) {
            case LIKERT -> "1 (strongly disagree) to 5 (strongly agree)";
            case NPS -> "0 (not at all likely) to 10 (extremely likely)";
            case CHOICE -> "One of: " + String.join(", ", q.choices());
            case TEXT -> "Optional";
          };
      inputs.add(
          new Reply.Input(
              "q" + (i + 1),
              label,
              q.type() == Type.TEXT,
              q.type() == Type.TEXT,
              null,
              placeholder));
    }
    String title = run.title().length() > 45 ? run.title().substring(0, 44) + "…" : run.title();
    return new Reply.Form(FORM_PREFIX + run.id(), title, "Send answers", inputs);
  }

  /** A submitted survey form. */
  public Reply submitted(Actor actor, String formId, Map<String, String> values) {
    String id = formId.substring(FORM_PREFIX.length());
    if (!id.matches("\\d{1,12}")) {
      return Reply.error("That form is no longer active.", "help");
    }
    long runId = Long.parseLong(id);
    return db.inTransactionRetryingConflicts(
        em -> {
          Store store = new Store(em);
          Instant now = now();
          Eligibility eligible = eligible(store, actor, runId, now);
          if (eligible.refusal() != null) {
            return eligible.refusal();
          }
          SurveyRun run = eligible.run();
          Reply.Form form = form(run);
          List<Answer> answers = new ArrayList<>();
          for (int i = 0; i < run.questions().size(); i++) {
            Question q = run.questions().get(i);
            String inputId = "q" + (i + 1);
            String raw = values.getOrDefault(inputId, "").strip();
            if (q.type() == Type.TEXT) {
              if (!raw.isEmpty()) {
                answers.add(
                    new Answer(i, null, raw.length() > 2000 ? raw.substring(0, 2000) : raw));
              }
              continue;
            }
            Optional<Integer> value = parse(q, raw);
            if (value.isEmpty()) {
              String problem =
                  switch (q.type()) {
                    case LIKERT -> "Answer question " + (i + 1) + " with a number from 1 to 5.";
                    case NPS -> "Answer question " + (i + 1) + " with a number from 0 to 10.";
                    default ->
                        "Answer question "
                            + (i + 1)
                            + " with one of: "
                            + String.join(", ", q.choices())
                            + ".";
                  };
              return Reply.formError(inputId, problem, refill(form, values));
            }
            answers.add(new Answer(i, value.get(), null));
          }
          return record(store, run, eligible.member(), answers, now)
              .orElseGet(
                  () ->
                      Reply.success(
                          "Thanks! Your answers to *"
                              + Markup.text(run.title())
                              + "* are recorded"
                              + (run.anonymous() ? " anonymously." : " with your name."),
                          List.of()));
        });
  }

  private static Reply.Form refill(Reply.Form form, Map<String, String> values) {
    return new Reply.Form(
        form.formId(),
        form.title(),
        form.submitLabel(),
        form.inputs().stream()
            .map(in -> in.withInitialValue(values.getOrDefault(in.id(), "")))
            .toList());
  }

  private static Optional<Integer> parse(Question q, String raw) {
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    if (q.type() == Type.CHOICE) {
      for (int c = 0; c < q.choices().size(); c++) {
        if (q.choices().get(c).equalsIgnoreCase(raw)) {
          return Optional.of(c);
        }
      }
      if (raw.matches("\\d{1,2}")) {
        int n = Integer.parseInt(raw);
        return n >= 1 && n <= q.choices().size() ? Optional.of(n - 1) : Optional.empty();
      }
      return Optional.empty();
    }
    if (!raw.matches("\\d{1,2}")) {
      return Optional.empty();
    }
    int n = Integer.parseInt(raw);
    return n >= q.type().low() && n <= q.type().high(q) ? Optional.of(n) : Optional.empty();
  }

  private record Answer(int question, Integer value, String text) {}

  private record Eligibility(SurveyRun run, Member member, Reply refusal) {}

  /**
   * Whether the person may answer run {@code runId} now. The run's own workspace is used, as long
   * as it is on the person's platform: a click in a Discord DM carries no guild, yet the person is
   * the same member the run was sent to (the invitee check below still decides).
   */
  private Eligibility eligible(Store store, Actor actor, long runId, Instant now) {
    Optional<SurveyRun> run = run(store.entityManager(), runId);
    Optional<Workspace> workspace =
        run.flatMap(r -> store.workspaceById(r.workspaceId()))
            .filter(w -> w.getPlatform() == actor.platform());
    run = run.filter(r -> workspace.isPresent());
    if (run.isEmpty()) {
      return new Eligibility(null, null, Reply.error("That survey no longer exists.", "status"));
    }
    Optional<Member> member =
        store
            .member(workspace.get().getId(), actor.userId())
            .filter(m -> invited(store.entityManager(), runId, m.getId()));
    if (member.isEmpty()) {
      return new Eligibility(
          run.get(),
          null,
          Reply.error(
              "*"
                  + Markup.text(run.get().title())
                  + "* was not sent to you, so Tandem did not record an answer. If you think it"
                  + " should have been, ask your program admin.",
              "status"));
    }
    if (run.get().closedAt(now)) {
      Instant closed = run.get().closedAt() != null ? run.get().closedAt() : run.get().closesAt();
      return new Eligibility(
          run.get(),
          member.get(),
          Reply.error(
              "*"
                  + Markup.text(run.get().title())
                  + "* closed on "
                  + day(closed)
                  + ", so answers are no longer accepted. Thanks for wanting to answer!",
              "status"));
    }
    return new Eligibility(run.get(), member.get(), null);
  }

  /** Records the answers once; a reply when the person had answered already. */
  private Optional<Reply> record(
      Store store, SurveyRun run, Member member, List<Answer> answers, Instant now) {
    EntityManager em = store.entityManager();
    String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
    int marked =
        update(
            em,
            "UPDATE survey_invitee SET answered_on = ? WHERE run_id = ? AND member_id = ?"
                + " AND answered_on IS NULL",
            today,
            run.id(),
            member.getId());
    if (marked == 0) {
      return Optional.of(alreadyAnswered(run));
    }
    for (Answer answer : answers) {
      if (answer.value() != null) {
        int bumped =
            update(
                em,
                "UPDATE survey_tally SET responses = responses + 1"
                    + " WHERE run_id = ? AND question = ? AND answer = ?",
                run.id(),
                answer.question(),
                answer.value());
        if (bumped == 0) {
          update(
              em,
              "INSERT INTO survey_tally (run_id, question, answer, responses) VALUES (?, ?, ?, 1)",
              run.id(),
              answer.question(),
              answer.value());
        }
      } else {
        addText(em, run.id(), answer.question(), answer.text());
      }
      if (!run.anonymous()) {
        update(
            em,
            "INSERT INTO survey_named_answer (run_id, member_id, question, answer, text)"
                + " VALUES (?, ?, ?, CAST(? AS INTEGER), ?)",
            run.id(),
            member.getId(),
            answer.question(),
            answer.value(),
            answer.text());
      }
    }
    store.add(
        new Signal(
            run.workspaceId(),
            SignalType.SURVEY_ANSWERED,
            member.getId(),
            run.programId(),
            null,
            null,
            run.anonymous() ? now.truncatedTo(ChronoUnit.DAYS) : now,
            Json.object(Map.of("run", run.id()))));
    return Optional.empty();
  }

  /**
   * Adds a free-text answer so that neither its place nor its id says when it came: the question's
   * texts are rewritten in sorted order with fresh random ids, so the rows sit in the table (and in
   * SQLite's hidden rowid order) sorted by text, not in the order people answered. Concurrent
   * writers of one run take turns on the run's row, so no text is lost on PostgreSQL.
   */
  private static void addText(EntityManager em, long runId, int question, String text) {
    update(em, "UPDATE survey_run SET invited = invited WHERE id = ?", runId);
    List<String> texts = new ArrayList<>(SurveyResults.texts(em, runId, question));
    texts.add(text);
    texts.sort(null);
    update(em, "DELETE FROM survey_text WHERE run_id = ? AND question = ?", runId, question);
    for (String each : texts) {
      update(
          em,
          "INSERT INTO survey_text (id, run_id, question, text) VALUES (?, ?, ?, ?)",
          RANDOM.nextLong() & Long.MAX_VALUE,
          runId,
          question,
          each);
    }
  }

  private static Reply alreadyAnswered(SurveyRun run) {
    return Reply.info(
        "You already answered *"
            + Markup.text(run.title())
            + "*; your first answer counts. Thank you!",
        List.of());
  }

  // ---------------------------------------------------------------- reminders, closing, schedules

  /**
   * What time does to surveys, up to {@code now}: reminds non-respondents of runs whose reminder is
   * due, closes runs whose time is up and sends scheduled runs that came due. Each run and schedule
   * in its own transaction; safe to call again for the same instant.
   *
   * @return how many runs were reminded, closed or sent
   */
  public int due(Instant now) {
    int done = 0;
    for (long id :
        ids("SELECT id FROM survey_schedule WHERE cancelled_at IS NULL AND next_at <= ?", now)) {
      done += db.inTransactionRetryingConflicts(em -> fireSchedule(new Store(em), id, now));
    }
    for (long id :
        ids(
            "SELECT id FROM survey_run WHERE closed_at IS NULL AND reminded_at IS NULL"
                + " AND remind_at <= ? ORDER BY id",
            now)) {
      done += db.inTransactionRetryingConflicts(em -> remind(new Store(em), id, now));
    }
    for (long id :
        ids(
            "SELECT id FROM survey_run WHERE closed_at IS NULL AND closes_at <= ? ORDER BY id",
            now)) {
      done += db.inTransactionRetryingConflicts(em -> close(new Store(em), id, null, now));
    }
    return done;
  }

  private List<Long> ids(String sql, Instant now) {
    return db.inTransaction(
        em -> {
          Query query = em.createNativeQuery(sql);
          query.setParameter(1, now.toEpochMilli());
          List<?> rows = query.getResultList();
          return rows.stream().map(SurveyRun::num).toList();
        });
  }

  private int remind(Store store, long runId, Instant now) {
    EntityManager em = store.entityManager();
    SurveyRun run = run(em, runId).orElseThrow();
    if (run.remindedAt() != null || run.closedAt() != null) {
      return 0;
    }
    update(em, "UPDATE survey_run SET reminded_at = ? WHERE id = ?", now.toEpochMilli(), runId);
    if (!now.isBefore(run.closesAt())) {
      return 0; // too late to remind; closing follows
    }
    Program program = store.program(run.programId()).orElseThrow();
    Workspace workspace = store.workspaceById(run.workspaceId()).orElseThrow();
    for (long memberId :
        longs(
            em,
            "SELECT member_id FROM survey_invitee WHERE run_id = ? AND answered_on IS NULL",
            runId)) {
      Member member = store.memberById(memberId).orElseThrow();
      Outbox.queue(
          store,
          workspace.getId(),
          workspace.getPlatform(),
          "survey-remind:" + runId + ":" + memberId,
          new ChatTarget.DirectMessage(member.getUserId()),
          invitation(run, program, true),
          sensibleTime(now, member.getTimeZone()),
          now);
      store.add(
          new Signal(
              run.workspaceId(),
              SignalType.SURVEY_REMINDED,
              memberId,
              run.programId(),
              null,
              null,
              now,
              Json.object(Map.of("run", runId))));
    }
    return 1;
  }

  private int close(Store store, long runId, Instant at, Instant now) {
    EntityManager em = store.entityManager();
    SurveyRun run = run(em, runId).orElseThrow();
    if (run.closedAt() != null) {
      return 0;
    }
    Instant closed = at != null ? at : run.closesAt();
    update(em, "UPDATE survey_run SET closed_at = ? WHERE id = ?", closed.toEpochMilli(), runId);
    long answered = answeredCount(em, runId);
    store.add(
        new Signal(
            run.workspaceId(),
            SignalType.SURVEY_CLOSED,
            null,
            run.programId(),
            null,
            null,
            now,
            Json.object(Map.of("run", runId, "invited", run.invited(), "answered", answered))));
    return 1;
  }

  private int fireSchedule(Store store, long scheduleId, Instant now) {
    EntityManager em = store.entityManager();
    Query query =
        em.createNativeQuery(
            "SELECT program_id, template_id, cron, zone, next_at, cancelled_at"
                + " FROM survey_schedule WHERE id = ?");
    query.setParameter(1, scheduleId);
    Object[] row = (Object[]) query.getSingleResult();
    Instant due = SurveyRun.instant(row[4]);
    if (row[5] != null || due.isAfter(now)) {
      return 0;
    }
    Instant next = nextFire((String) row[2], ZoneId.of((String) row[3]), now);
    update(
        em, "UPDATE survey_schedule SET next_at = ? WHERE id = ?", next.toEpochMilli(), scheduleId);
    Optional<Program> program = store.program(SurveyRun.num(row[0]));
    Optional<SurveyTemplate> template = settings.template((String) row[1]);
    if (program.isEmpty()
        || template.isEmpty()
        || program.get().getStatus() == ProgramStatus.CLOSED) {
      return 0;
    }
    return start(store, program.get(), template.get(), now, scheduleId).isPresent() ? 1 : 0;
  }

  static Instant nextFire(String cron, ZoneId zone, Instant after) {
    try {
      org.quartz.CronExpression expression = new org.quartz.CronExpression(cron);
      expression.setTimeZone(java.util.TimeZone.getTimeZone(zone));
      java.util.Date next = expression.getNextValidTimeAfter(java.util.Date.from(after));
      if (next == null) {
        throw new IllegalArgumentException("the schedule never fires again: " + cron);
      }
      return next.toInstant();
    } catch (java.text.ParseException e) {
      throw new IllegalArgumentException("not a cron expression: " + cron, e);
    }
  }

  // ---------------------------------------------------------------- admin: schedule, list, cancel

  private Reply schedule(Actor actor, SurveyCommand.ScheduleSend command) {
    Optional<SurveyTemplate> template = settings.template(command.template());
    if (template.isEmpty()) {
      return unknownTemplate(command.template());
    }
    ZoneId zone = zone(actor.timeZone());
    Instant now = now();
    Instant next;
    try {
      next = nextFire(command.cron(), zone, now);
    } catch (IllegalArgumentException e) {
      return Reply.error("That schedule never fires.", SurveyGrammarExamples.SCHEDULE);
    }
    return db.inTransactionRetryingConflicts(
        em -> {
          Store store = new Store(em);
          Optional<Program> program = program(store, actor, command.program());
          if (program.isEmpty()) {
            return noProgram(command.program());
          }
          long id = nextId(em, "survey_schedule");
          update(
              em,
              "INSERT INTO survey_schedule (id, workspace_id, program_id, template_id, spec, cron,"
                  + " zone, next_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              id,
              program.get().getWorkspaceId(),
              program.get().getId(),
              template.get().id(),
              command.spec(),
              command.cron(),
              zone.getId(),
              next.toEpochMilli(),
              now.toEpochMilli());
          return Reply.success(
              "Scheduled *"
                  + Markup.text(template.get().title())
                  + "* for *"
                  + Markup.text(program.get().getName())
                  + "* "
                  + command.spec()
                  + " ("
                  + zone.getId()
                  + "), schedule #"
                  + id
                  + ". First send: "
                  + ZonedDateTime.ofInstant(next, zone)
                      .toLocalDateTime()
                      .toString()
                      .replace('T', ' ')
                  + ". Stop it with `"
                  + Markup.command("survey cancel schedule " + id)
                  + "`.",
              List.of());
        });
  }

  private Reply list(Actor actor) {
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          Optional<Workspace> workspace = store.workspace(actor.platform(), actor.workspaceId());
          if (workspace.isEmpty()) {
            return Reply.info("No surveys yet.", List.of());
          }
          Instant now = now();
          List<Reply.Field> fields = new ArrayList<>();
          Query runs =
              em.createNativeQuery(
                  "SELECT "
                      + SurveyRun.COLUMNS
                      + " FROM survey_run WHERE workspace_id = ? ORDER BY id DESC");
          runs.setParameter(1, workspace.get().getId());
          runs.setMaxResults(15);
          for (Object row : runs.getResultList()) {
            SurveyRun run = SurveyRun.of((Object[]) row);
            fields.add(
                new Reply.Field(
                    "Run #" + run.id() + ": " + Markup.text(run.title()),
                    answeredCount(em, run.id())
                        + " of "
                        + run.invited()
                        + " answered · "
                        + (run.closedAt(now) ? "closed" : "open until " + day(run.closesAt()))
                        + " · sent "
                        + day(run.openedAt())));
          }
          Query schedules =
              em.createNativeQuery(
                  "SELECT id, template_id, spec, zone, next_at FROM survey_schedule"
                      + " WHERE workspace_id = ? AND cancelled_at IS NULL ORDER BY id");
          schedules.setParameter(1, workspace.get().getId());
          for (Object raw : schedules.getResultList()) {
            Object[] row = (Object[]) raw;
            fields.add(
                new Reply.Field(
                    "Schedule #" + SurveyRun.num(row[0]) + ": " + row[1],
                    row[2] + " (" + row[3] + "), next " + day(SurveyRun.instant(row[4]))));
          }
          String templates =
              settings.templates().values().stream()
                  .map(t -> "`" + t.id() + "`")
                  .collect(Collectors.joining(", "));
          return Reply.info(
              (fields.isEmpty() ? "No survey runs or schedules yet." : "*Pulse surveys*")
                  + "\nTemplates: "
                  + templates,
              fields);
        });
  }

  private Reply cancel(Actor actor, SurveyCommand.Cancel command) {
    return db.inTransactionRetryingConflicts(
        em -> {
          Store store = new Store(em);
          Optional<Workspace> workspace = store.workspace(actor.platform(), actor.workspaceId());
          long workspaceId = workspace.map(Workspace::getId).orElse(-1L);
          Instant now = now();
          if (command.schedule()) {
            int changed =
                update(
                    em,
                    "UPDATE survey_schedule SET cancelled_at = ? WHERE id = ? AND workspace_id = ?"
                        + " AND cancelled_at IS NULL",
                    now.toEpochMilli(),
                    command.id(),
                    workspaceId);
            return changed == 0
                ? Reply.error("There is no active schedule #" + command.id() + ".", "survey list")
                : Reply.success("Schedule #" + command.id() + " is cancelled.", List.of());
          }
          Optional<SurveyRun> run =
              run(em, command.id()).filter(r -> r.workspaceId() == workspaceId);
          if (run.isEmpty()) {
            return Reply.error("There is no survey run #" + command.id() + ".", "survey list");
          }
          if (run.get().closedAt(now)) {
            return Reply.info("Run #" + command.id() + " is already closed.", List.of());
          }
          close(store, command.id(), now, now);
          return Reply.success(
              "Closed run #"
                  + command.id()
                  + " now; no further answers are accepted. Results: `"
                  + Markup.command("survey results " + command.id())
                  + "`.",
              List.of());
        });
  }

  // ---------------------------------------------------------------- results

  /**
   * {@code survey results N}: the results with a chart per question go to the admin as a DM through
   * the outbox (a private command answer cannot carry files), and the answer says so. When there is
   * nothing to chart (below the threshold, or free text only) the answer is the results. Asking
   * again before anything changed sends nothing new.
   */
  private Reply results(Actor actor, long runId) {
    return db.inTransactionRetryingConflicts(
        em -> {
          Store store = new Store(em);
          Optional<Workspace> workspace = store.workspace(actor.platform(), actor.workspaceId());
          Optional<SurveyRun> found =
              run(em, runId)
                  .filter(r -> workspace.isPresent() && r.workspaceId() == workspace.get().getId());
          if (found.isEmpty()) {
            return Reply.error("There is no survey run #" + runId + ".", "survey list");
          }
          Instant now = now();
          SurveyResults results = SurveyResults.read(em, found.get(), settings, now);
          List<ChartAttachment> charts = results.charts();
          if (charts.isEmpty()) {
            return results.reply();
          }
          boolean queued =
              Outbox.queue(
                  store,
                  workspace.get().getId(),
                  workspace.get().getPlatform(),
                  "survey-results:"
                      + runId
                      + ":"
                      + actor.userId()
                      + ":"
                      + results.answered()
                      + (results.closed() ? ":closed" : ":open"),
                  new ChatTarget.DirectMessage(actor.userId()),
                  results.reply(),
                  charts,
                  now,
                  now);
          return queued
              ? Reply.success(
                  "Sent you the results of *"
                      + Markup.text(results.title())
                      + "* (run #"
                      + runId
                      + ", "
                      + results.answered()
                      + " of "
                      + results.invited()
                      + " answered) as a direct message, with "
                      + (charts.size() == 1 ? "a chart" : charts.size() + " charts")
                      + ".",
                  List.of())
              : Reply.info(
                  "The results of *"
                      + Markup.text(results.title())
                      + "* (run #"
                      + runId
                      + ") have not changed since I sent them to you as a direct message.",
                  List.of());
        });
  }

  /**
   * A run's results with the anonymity threshold applied, for any reader outside chat (report, CSV,
   * API); see {@link SurveyResults}.
   *
   * @param workspaceId the internal workspace id the run must belong to
   * @return empty when the workspace has no such run
   */
  public Optional<SurveyResults> results(long workspaceId, long runId) {
    return db.inTransaction(
        em ->
            run(em, runId)
                .filter(r -> r.workspaceId() == workspaceId)
                .map(r -> SurveyResults.read(em, r, settings, now())));
  }

  // ---------------------------------------------------------------- helpers

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Now, if that is between 9:00 and 18:00 where the person is; else their next 9:00. */
  static Instant sensibleTime(Instant now, String timeZone) {
    ZoneId zone = zone(timeZone);
    ZonedDateTime local = now.atZone(zone);
    if (local.getHour() >= FIRST_LOCAL_HOUR && local.getHour() < LAST_LOCAL_HOUR) {
      return now;
    }
    ZonedDateTime next = local.withHour(FIRST_LOCAL_HOUR).truncatedTo(ChronoUnit.HOURS);
    if (!next.isAfter(local)) {
      next = next.plusDays(1);
    }
    return next.toInstant();
  }

  private static ZoneId zone(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  static String day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  private static boolean inAudience(Audience audience, Role role) {
    return switch (audience) {
      case ALL -> true;
      case MENTORS -> role == Role.MENTOR;
      case MENTEES -> role == Role.MENTEE;
    };
  }

  private Reply unknownTemplate(String id) {
    return Reply.error(
        "There is no survey template called `"
            + id
            + "`; the templates are: "
            + settings.templates().keySet().stream()
                .map(t -> "`" + t + "`")
                .collect(Collectors.joining(", "))
            + ".",
        SurveyGrammarExamples.SEND);
  }

  private static Reply noProgram(String name) {
    return Reply.error(
        name == null
            ? "Name the program to survey; there is more than one, or none yet."
            : "There is no program called *" + Markup.text(name) + "* here.",
        SurveyGrammarExamples.SEND + " Data pilot");
  }

  private static Optional<Program> program(Store store, Actor actor, String name) {
    Optional<Workspace> workspace = store.workspace(actor.platform(), actor.workspaceId());
    if (name == null || name.isBlank()) {
      List<Program> live =
          workspace.map(w -> store.programs(w.getId())).orElse(List.of()).stream()
              .filter(
                  p ->
                      p.getStatus() == ProgramStatus.OPEN || p.getStatus() == ProgramStatus.RUNNING)
              .toList();
      return live.size() == 1
          ? Optional.of(live.get(0))
          : workspace.flatMap(w -> store.defaultProgram(w.getId()));
    }
    return workspace.flatMap(w -> store.programNamed(w.getId(), name.strip()));
  }

  static Optional<SurveyRun> run(EntityManager em, long id) {
    Query query =
        em.createNativeQuery("SELECT " + SurveyRun.COLUMNS + " FROM survey_run WHERE id = ?");
    query.setParameter(1, id);
    List<?> rows = query.getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(SurveyRun.of((Object[]) rows.get(0)));
  }

  static long answeredCount(EntityManager em, long runId) {
    Query query =
        em.createNativeQuery(
            "SELECT COUNT(*) FROM survey_invitee WHERE run_id = ? AND answered_on IS NOT NULL");
    query.setParameter(1, runId);
    return SurveyRun.num(query.getSingleResult());
  }

  private static boolean invited(EntityManager em, long runId, long memberId) {
    Query query =
        em.createNativeQuery(
            "SELECT COUNT(*) FROM survey_invitee WHERE run_id = ? AND member_id = ?");
    query.setParameter(1, runId);
    query.setParameter(2, memberId);
    return SurveyRun.num(query.getSingleResult()) > 0;
  }

  private static boolean answered(EntityManager em, long runId, long memberId) {
    Query query =
        em.createNativeQuery(
            "SELECT COUNT(*) FROM survey_invitee WHERE run_id = ? AND member_id = ?"
                + " AND answered_on IS NOT NULL");
    query.setParameter(1, runId);
    query.setParameter(2, memberId);
    return SurveyRun.num(query.getSingleResult()) > 0;
  }

  private static List<Long> longs(EntityManager em, String sql, Object... params) {
    Query query = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      query.setParameter(i + 1, params[i]);
    }
    return ((List<?>) query.getResultList()).stream().map(SurveyRun::num).toList();
  }

  /**
   * The next id of a table from {@code id_gen}, the store's id source (the JPA entities draw blocks
   * from it through their table generators; {@code next_val} is the highest id handed out). The row
   * stays locked until the transaction ends, so concurrent sends on PostgreSQL get different, dense
   * ids (run numbers are shown to admins).
   */
  static long nextId(EntityManager em, String table) {
    int updated = update(em, "UPDATE id_gen SET next_val = next_val + 1 WHERE name = ?", table);
    if (updated != 1) {
      throw new IllegalStateException("id_gen has no row for " + table);
    }
    Query query = em.createNativeQuery("SELECT next_val FROM id_gen WHERE name = ?");
    query.setParameter(1, table);
    return SurveyRun.num(query.getSingleResult());
  }

  private static int update(EntityManager em, String sql, Object... params) {
    Query query = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      query.setParameter(i + 1, params[i]);
    }
    return query.executeUpdate();
  }

  /** Examples shared with the grammar's error messages. */
  private static final class SurveyGrammarExamples {
    static final String SEND = "survey send monthly-pulse";
    static final String SCHEDULE = "survey schedule monthly-pulse monthly on day 1 at 10:00";
  }
}
