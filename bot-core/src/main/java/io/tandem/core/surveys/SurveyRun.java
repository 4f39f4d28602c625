package io.tandem.core.surveys;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.tandem.core.surveys.SurveyTemplate.Audience;
import io.tandem.core.surveys.SurveyTemplate.Question;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One sending of a template to a program's audience ({@code survey_run}). Run numbers are shown to
 * admins, so ids are drawn one at a time from {@code id_gen} (allocation size 1) and stay dense;
 * {@code next_val} is the highest number handed out, as before the table was mapped.
 */
@Entity(name = "SurveyRun")
@Table(name = "survey_run")
public class SurveyRun {

  private static final Gson GSON = new Gson();

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "survey_run_ids")
  @TableGenerator(
      name = "survey_run_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "survey_run",
      allocationSize = 1)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "program_id", nullable = false)
  private Long programId;

  @Column(name = "template_id", nullable = false, length = 40)
  private String templateId;

  @Column(name = "title", nullable = false, length = 200)
  private String title;

  /** 1 for anonymous, 0 for named (the column is an INTEGER). */
  @Column(name = "anonymous", nullable = false)
  private int anonymous;

  @Column(name = "audience", nullable = false, length = 10)
  private String audience;

  @Column(name = "questions", nullable = false)
  private String questionsJson;

  @Column(name = "invited", nullable = false)
  private int invited;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "remind_at", nullable = false)
  private Instant remindAt;

  @Column(name = "closes_at", nullable = false)
  private Instant closesAt;

  @Column(name = "reminded_at")
  private Instant remindedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "schedule_id")
  private Long scheduleId;

  @Transient private List<Question> questions;

  protected SurveyRun() {}

  /** A run of {@code template} opened {@code now} for {@code invited} people. */
  public SurveyRun(
      long workspaceId,
      long programId,
      SurveyTemplate template,
      int invited,
      Instant now,
      Long scheduleId) {
    this.workspaceId = workspaceId;
    this.programId = programId;
    this.templateId = template.id();
    this.title = template.title();
    this.anonymous = template.anonymous() ? 1 : 0;
    this.audience = template.audience().name();
    this.questionsJson = GSON.toJson(template.questions());
    this.invited = invited;
    this.openedAt = Objects.requireNonNull(now, "now");
    this.remindAt = now.plus(template.remindAfter());
    this.closesAt = now.plus(template.openFor());
    this.scheduleId = scheduleId;
  }

  public long id() {
    return id;
  }

  public long workspaceId() {
    return workspaceId;
  }

  public long programId() {
    return programId;
  }

  public String templateId() {
    return templateId;
  }

  public String title() {
    return title;
  }

  public boolean anonymous() {
    return anonymous == 1;
  }

  public Audience audience() {
    return Audience.valueOf(audience);
  }

  public int invited() {
    return invited;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant remindAt() {
    return remindAt;
  }

  public Instant closesAt() {
    return closesAt;
  }

  public Instant remindedAt() {
    return remindedAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public Long scheduleId() {
    return scheduleId;
  }

  /** The questions as sent, validated again on reading. */
  public List<Question> questions() {
    if (questions == null) {
      List<Question> raw =
          GSON.fromJson(questionsJson, new TypeToken<List<Question>>() {}.getType());
      // re-validate through the canonical constructor (Gson bypasses it)
      questions = raw.stream().map(q -> new Question(q.type(), q.text(), q.choices())).toList();
    }
    return questions;
  }

  /** Whether the run is closed at {@code now}: closed early, or its time is up. */
  public boolean closedAt(Instant now) {
    return closedAt != null || !now.isBefore(closesAt);
  }

  /** When it closed, or closes. */
  public Instant closesOrClosedAt() {
    return closedAt != null ? closedAt : closesAt;
  }

  void reminded(Instant at) {
    this.remindedAt = at;
  }

  void close(Instant at) {
    this.closedAt = at;
  }
}
