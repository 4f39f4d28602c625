package io.tandem.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * YAML text as a tree, read with Jackson's YAML parser; syntax problems name the line and column.
 * Scalars are kept as text (what a setting is read from). An alias ({@code *name}) stands for the
 * mapping or list anchored as {@code &name}; Jackson's own tree reading would keep the alias's name
 * as text instead, so the tree is built here. Jackson's parser does not report anchors on single
 * values, so an alias of one is reported as undefined rather than read wrongly.
 */
final class YamlDocument {

  /** At most this many aliases, so that a small file cannot expand into a huge tree. */
  private static final int MAX_ALIASES = 50;

  /** The parser's factory alone: the tree is built here, so a mapper would only cost start-up. */
  private static final YAMLFactory YAML =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> NULLS = List.of("~", "Null", "NULL");

  private final YAMLParser parser;
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private int aliases;

  private YamlDocument(YAMLParser parser) {
    this.parser = parser;
  }

  /**
   * The document's root, or {@code null} for an empty document.
   *
   * @param source names the text in the exception
   */
  static JsonNode parse(String yaml, String source) throws ConfigException {
    try (YAMLParser parser = (YAMLParser) YAML.createParser(ObjectReadContext.empty(), yaml)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      JsonNode root = new YamlDocument(parser).value(first);
      if (parser.nextToken() != null) {
        throw new ConfigException(
            source,
            List.of(
                position(parser.currentTokenLocation())
                    + ": expected a single document in the stream"));
      }
      return root.isNull() ? null : root;
    } catch (JacksonException e) {
      throw new ConfigException(source, List.of(problem(e)));
    }
  }

  private JsonNode value(JsonToken token) {
    if (parser.isCurrentAlias()) {
      return alias();
    }
    String anchor = parser.getObjectId();
    JsonNode node =
        switch (token) {
          case START_OBJECT -> object();
          case START_ARRAY -> array();
          case VALUE_NULL -> NODES.nullNode();
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
              NODES.stringNode(parser.getNumberValue().toString());
          default -> text(parser.getString());
        };
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  /** YAML's other spellings of null, which Jackson's parser passes on as text. */
  private static JsonNode text(String text) {
    return NULLS.contains(text) ? NODES.nullNode() : NODES.stringNode(text);
  }

  private ObjectNode object() {
    ObjectNode object = NODES.objectNode();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = parser.currentName();
      object.set(key, value(parser.nextToken()));
    }
    return object;
  }

  private ArrayNode array() {
    ArrayNode array = NODES.arrayNode();
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      array.add(value(token));
    }
    return array;
  }

  private JsonNode alias() {
    String name = parser.getString();
    JsonNode anchored = anchors.get(name);
    if (anchored == null || ++aliases > MAX_ALIASES) {
      throw new AliasException(
          parser,
          anchored == null
              ? "found undefined alias "
                  + name
                  + " (only a mapping or a list can be anchored here; write a single value out)"
              : "more than " + MAX_ALIASES + " aliases");
    }
    return anchored.deepCopy();
  }

  /** An alias that names no anchor, or one alias too many. */
  private static final class AliasException extends tools.jackson.core.exc.StreamReadException {
    AliasException(JsonParser parser, String message) {
      super(parser, message);
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
    if (e instanceof AliasException && e.processor() instanceof JsonParser parser) {
      return position(parser.currentTokenLocation()) + ": " + e.getOriginalMessage();
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
