package io.tandem.config;

import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** YAML text as a tree (Jackson's YAML reader); syntax problems name the line and column. */
final class YamlDocument {

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private YamlDocument() {}

  /**
   * The document's root, or {@code null} for an empty document.
   *
   * @param source names the text in the exception
   */
  static JsonNode parse(String yaml, String source) throws ConfigException {
    try {
      JsonNode root = YAML.readTree(yaml);
      return root == null || root.isMissingNode() || root.isNull() ? null : root;
    } catch (JacksonException e) {
      throw new ConfigException(source, List.of(problem(e)));
    }
  }

  /** {@code line 3, column 7: <problem> (<context> at line 2, column 1)}, without file content. */
  private static String problem(JacksonException e) {
    if (e.getCause() instanceof MarkedYamlEngineException marked) {
      return syntaxProblem(marked);
    }
    if (e.processor() instanceof JsonParser parser
        && e.getOriginalMessage().startsWith("Duplicate Object property")) {
      return position(parser.currentTokenLocation())
          + ": found duplicate key "
          + parser.currentName();
    }
    TokenStreamLocation at = e.getLocation();
    return (at == null ? "" : position(at) + ": ") + "not valid YAML: " + e.getOriginalMessage();
  }

  private static String syntaxProblem(MarkedYamlEngineException e) {
    StringBuilder problem = new StringBuilder();
    e.getProblemMark().ifPresent(mark -> problem.append(position(mark)).append(": "));
    problem.append(e.getProblem() == null ? "not valid YAML" : e.getProblem());
    if (e.getContext() != null) {
      problem.append(" (").append(e.getContext());
      e.getContextMark().ifPresent(mark -> problem.append(" at ").append(position(mark)));
      problem.append(')');
    }
    return problem.toString();
  }

  private static String position(Mark mark) {
    return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  private static String position(TokenStreamLocation at) {
    return "line " + at.getLineNr() + ", column " + at.getColumnNr();
  }
}
