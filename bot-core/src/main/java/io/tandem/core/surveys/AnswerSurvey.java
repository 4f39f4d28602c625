package io.tandem.core.surveys;

import io.tandem.core.enrolment.Member;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveyForm.Answer;
import io.tandem.core.surveys.SurveyTemplate.Question;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A participant answers a run: one click on an inline answer button, or the run's form (opened by
 * its button, then submitted). Answers are recorded once, all or nothing, in one transaction.
 */
final class AnswerSurvey {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  private final Clock clock;
  private final SurveySettings settings;
  private final Function<Store, SurveyAnswers> answers;

  AnswerSurvey(
      Database db, Clock clock, SurveySettings settings, Function<Store, SurveyAnswers> answers) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.answers = Objects.requireNonNull(answers, "answers");
  }

  /** A click on an inline answer button; {@code value} is {@code runId:answer}. */
  Reply click(Actor actor, String value) {
    String[] parts = value.split(":", 2);
    if (parts.length != 2 || !parts[0].matches("\\d{1,12}") || !parts[1].matches("\\d{1,2}")) {
      return SurveyMessages.buttonInactive();
    }
    long runId = Long.parseLong(parts[0]);
    int answer = Integer.parseInt(parts[1]);
    return whenEligible(
        actor,
        runId,
        (store, run, member, now) -> {
          Question q = run.questions().get(0);
          if (!SurveyForm.inline(run) || answer < q.type().low() || answer > q.type().high(q)) {
            return SurveyMessages.notAnAnswer();
          }
          return record(store, run, member, List.of(new Answer(0, answer, null)), now)
              .orElseGet(() -> SurveyMessages.clickRecorded(run, answer));
        });
  }

  /** A click on the button that opens a run's form; {@code value} is the run id. */
  Reply openForm(Actor actor, String value) {
    if (!value.matches("\\d{1,12}")) {
      return SurveyMessages.buttonInactive();
    }
    return whenEligible(
        actor,
        Long.parseLong(value),
        (store, run, member, now) ->
            SurveyInvitees.in(store).answered(run.id(), member.getId())
                ? SurveyMessages.alreadyAnswered(run)
                : Reply.openForm(
                    run.title() + ": " + SurveyMessages.privacy(run, settings.anonymityThreshold()),
                    SurveyForm.form(run)));
  }

  /** A submitted form. */
  Reply submit(Actor actor, String formId, Map<String, String> values) {
    String id = formId.substring(SurveyForm.FORM_PREFIX.length());
    if (!id.matches("\\d{1,12}")) {
      return SurveyMessages.formInactive();
    }
    return whenEligible(
        actor,
        Long.parseLong(id),
        (store, run, member, now) -> {
          SurveyForm.Parsed parsed = SurveyForm.parse(run, values);
          if (parsed.problem() != null) {
            return Reply.formError(
                parsed.badInput(),
                parsed.problem(),
                SurveyForm.refill(SurveyForm.form(run), values));
          }
          return record(store, run, member, parsed.answers(), now)
              .orElseGet(() -> SurveyMessages.formRecorded(run));
        });
  }

  /** What to do for a person who may answer the run now. */
  private interface Answering {
    Reply answer(Store store, SurveyRun run, Member member, Instant now);
  }

  /** Runs {@code work} in one transaction if the person may answer; else the refusal. */
  private Reply whenEligible(Actor actor, long runId, Answering work) {
    return db.transactionRetryingConflicts(
        store -> {
          Instant now = SurveyTimes.now(clock);
          SurveyEligibility eligible = SurveyEligibility.check(store, actor, runId, now);
          return eligible.refusal() != null
              ? eligible.refusal()
              : work.answer(store, eligible.run(), eligible.member(), now);
        });
  }

  /** Records the answers once; a reply when the person had answered already. */
  private Optional<Reply> record(
      Store store, SurveyRun run, Member member, List<Answer> given, Instant now) {
    if (!SurveyInvitees.in(store).markAnswered(run.id(), member.getId(), SurveyTimes.utcDay(now))) {
      return Optional.of(SurveyMessages.alreadyAnswered(run));
    }
    SurveyAnswers stored = answers.apply(store);
    for (Answer answer : given) {
      if (answer.value() != null) {
        stored.count(run.id(), answer.question(), answer.value());
      } else {
        addText(store, stored, run.id(), answer.question(), answer.text());
      }
      if (!run.anonymous()) {
        stored.addNamed(
            new SurveyNamedAnswer(
                run.id(), member.getId(), answer.question(), answer.value(), answer.text()));
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

  /** How many texts each answer rewrites together, the new one hidden among them. */
  static final int MIXED_PER_ANSWER = 5;

  /**
   * Adds a free-text answer so that neither its place, its id nor the rows written with it say
   * which text came last, writing at most {@link #MIXED_PER_ANSWER} rows however many texts the
   * question has: the new text and up to {@code MIXED_PER_ANSWER - 1} texts at uniformly chosen
   * places are shuffled over those places and one new row. Shuffling a uniformly random arrangement
   * by a permutation chosen independently keeps it uniform, so the rows' order (SQLite's rowid)
   * says nothing of the order people answered in, ids are random, and where a database keeps row
   * versions (PostgreSQL) the rows written last hold the newest text among five. Concurrent writers
   * of one run take turns on the run's row, so no text is lost on PostgreSQL.
   */
  private static void addText(
      Store store, SurveyAnswers stored, long runId, int question, String text) {
    SurveyRuns.in(store).takeTurn(runId);
    long count = stored.textCount(runId, question);
    List<SurveyText> mixed = new ArrayList<>();
    for (long place : distinctPlaces(count, (int) Math.min(count, MIXED_PER_ANSWER - 1))) {
      mixed.add(stored.textAt(runId, question, place));
    }
    List<String> texts = new ArrayList<>(mixed.stream().map(SurveyText::text).toList());
    texts.add(text);
    Collections.shuffle(texts, RANDOM);
    for (int i = 0; i < mixed.size(); i++) {
      stored.retext(mixed.get(i).id(), texts.get(i));
    }
    stored.addText(
        new SurveyText(
            RANDOM.nextLong() & Long.MAX_VALUE, runId, question, texts.get(mixed.size())));
  }

  private static Set<Long> distinctPlaces(long count, int how) {
    Set<Long> places = new HashSet<>();
    while (places.size() < how) {
      places.add(RANDOM.nextLong(count));
    }
    return places;
  }
}
