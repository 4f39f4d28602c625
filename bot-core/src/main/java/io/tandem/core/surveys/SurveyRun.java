package io.tandem.core.surveys;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.tandem.core.surveys.SurveyTemplate.Question;
import java.time.Instant;
import java.util.List;

/** One sending of a template, as stored in {@code survey_run}. */
record SurveyRun(
    long id,
    long workspaceId,
    long programId,
    String templateId,
    String title,
    boolean anonymous,
    int invited,
    Instant openedAt,
    Instant remindAt,
    Instant closesAt,
    Instant remindedAt,
    Instant closedAt,
    List<Question> questions) {

  private static final Gson GSON = new Gson();

  static final String COLUMNS =
      "id, workspace_id, program_id, template_id, title, anonymous, invited, opened_at,"
          + " remind_at, closes_at, reminded_at, closed_at, questions";

  static SurveyRun of(Object[] row) {
    return new SurveyRun(
        num(row[0]),
        num(row[1]),
        num(row[2]),
        (String) row[3],
        (String) row[4],
        num(row[5]) == 1,
        (int) num(row[6]),
        instant(row[7]),
        instant(row[8]),
        instant(row[9]),
        instant(row[10]),
        instant(row[11]),
        questions((String) row[12]));
  }

  boolean closedAt(Instant now) {
    return closedAt != null || !now.isBefore(closesAt);
  }

  static String json(List<Question> questions) {
    return GSON.toJson(questions);
  }

  static List<Question> questions(String json) {
    List<Question> raw = GSON.fromJson(json, new TypeToken<List<Question>>() {}.getType());
    // re-validate through the canonical constructor (Gson bypasses it)
    return raw.stream().map(q -> new Question(q.type(), q.text(), q.choices())).toList();
  }

  static long num(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  static Instant instant(Object value) {
    return value == null ? null : Instant.ofEpochMilli(((Number) value).longValue());
  }
}
