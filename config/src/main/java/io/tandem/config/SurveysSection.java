package io.tandem.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code surveys}: the anonymity threshold and the templates by id, each with its questions. The
 * rules are {@link SurveyRules}, the same ones the core's surveys follow.
 */
final class SurveysSection {

  private final SettingReader reader;
  private final RecordBinder binder;

  SurveysSection(SettingReader reader, RecordBinder binder) {
    this.reader = reader;
    this.binder = binder;
  }

  SurveysConfig read(Section section) {
    RecordBinder.Bound<SurveysConfig> surveys =
        binder.read(SurveysConfig.class, section, SurveysConfig.defaults());
    return surveys.set("templates", templates(section)).build();
  }

  /** The templates by id; problems from the environment variable name it. */
  private List<SurveysConfig.Template> templates(Section section) {
    String path = section.pathOf("templates");
    JsonNode raw = reader.structured(section, "templates");
    int before = reader.problems().size();
    List<SurveysConfig.Template> templates = new ArrayList<>();
    if (raw != null && raw.isObject()) {
      for (Map.Entry<String, JsonNode> entry : raw.properties()) {
        String id = entry.getKey();
        String templatePath = path + "." + id;
        var badId = SurveyRules.templateId(id);
        if (badId.isPresent()) {
          reader.problem(templatePath + ": " + badId.get());
          continue;
        }
        Section template =
            reader.section(templatePath, entry.getValue(), SettingKeys.TEMPLATE_KEYS, false);
        SurveysConfig.Template read = template(id, template);
        if (read != null) {
          templates.add(read);
        }
      }
    } else if (raw != null) {
      reader.problem(path + ": expected templates by id, got " + Messages.kind(raw));
    }
    ValueSource source = reader.sources().get(path);
    if (source != null && source.kind() == ValueSource.Kind.ENVIRONMENT) {
      String from = " (from " + ConfigLoader.environmentVariable(path) + ")";
      List<String> problems = reader.problems();
      for (int i = before; i < problems.size(); i++) {
        problems.set(i, problems.get(i) + from);
      }
    }
    return templates;
  }

  private SurveysConfig.Template template(String id, Section section) {
    Map<String, Object> defaults = new HashMap<>();
    defaults.put("id", id);
    defaults.put("title", id);
    defaults.put("anonymous", true);
    defaults.put("audience", SurveysConfig.Audience.ALL);
    defaults.put("openFor", SurveysConfig.DEFAULT_OPEN_FOR);
    defaults.put("remindAfter", SurveysConfig.DEFAULT_REMIND_AFTER);
    defaults.put("questions", List.of());
    RecordBinder.Bound<SurveysConfig.Template> template =
        binder.read(SurveysConfig.Template.class, section, defaults);
    Duration openFor = template.value("openFor");
    Duration remindAfter = template.value("remindAfter");
    Setting remind = template.setting("remind-after");
    if (template.clean()) {
      SurveyRules.timing(openFor, remindAfter)
          .ifPresent(
              problem ->
                  reader.problem(
                      remind.isSet()
                          ? remind.problem(problem)
                          : remind.missing(
                              "the default "
                                  + ConfigPrinter.duration(remindAfter)
                                  + " "
                                  + problem
                                  + "; set a shorter remind-after")));
    }
    return template.set("questions", questions(section)).build();
  }

  private List<SurveysConfig.Question> questions(Section section) {
    String path = section.pathOf("questions");
    JsonNode raw = section.raw("questions");
    List<SurveysConfig.Question> questions = new ArrayList<>();
    if (raw == null || !raw.isArray()) {
      reader.problem(
          path
              + ": expected a list of 1 to "
              + SurveyRules.MAX_QUESTIONS
              + " questions, got "
              + (raw == null ? "nothing" : Messages.kind(raw)));
      return questions;
    }
    SurveyRules.questionCount(raw.size()).ifPresent(p -> reader.problem(path + ": " + p));
    for (int i = 0; i < raw.size(); i++) {
      SurveysConfig.Question question = question(path + "[" + i + "]", raw.get(i));
      if (question != null) {
        questions.add(question);
      }
    }
    return questions;
  }

  private SurveysConfig.Question question(String path, JsonNode raw) {
    int before = reader.problems().size();
    Section section = reader.section(path, raw, SettingKeys.QUESTION_KEYS, false);
    if (!raw.isObject()) {
      if (reader.problems().size() == before) {
        reader.problem(path + ": expected a question (type, text), got nothing");
      }
      return null;
    }
    Map<String, Object> defaults = new HashMap<>();
    defaults.put("choices", List.of());
    RecordBinder.Bound<SurveysConfig.Question> question =
        binder.read(SurveysConfig.Question.class, section, defaults);
    SurveysConfig.QuestionType type = question.value("type");
    if (type != null) {
      SurveyRules.choices(type.yamlName(), question.value("choices"))
          .ifPresent(p -> reader.problem(section.pathOf("choices") + ": " + p));
    }
    return reader.problems().size() == before ? question.build() : null;
  }
}
