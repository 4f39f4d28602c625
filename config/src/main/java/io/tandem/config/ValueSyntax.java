package io.tandem.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.StringNode;

/**
 * How {@code tandem.yml} writes values, taught to Jackson: durations as {@code 500ms}, {@code 5s},
 * {@code 2m}, {@code 1h}, {@code 3d} (or ISO-8601 like {@code PT5S}); numbers and {@code
 * true}/{@code false} exactly; enums in any case. Record components are named in kebab-case.
 */
final class ValueSyntax {

  /**
   * Marks an {@code int} setting written as a size: {@code 1048576}, {@code 512kb}, {@code 1mb}.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
  @interface Bytes {}

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(b|kb|mb)?");

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .addModule(module())
          .build();

  private ValueSyntax() {}

  /** {@code text} as a value of {@code type}; throws when it is not one. */
  static Object convert(String text, Type type) {
    return MAPPER.convertValue(StringNode.valueOf(text), MAPPER.constructType(type));
  }

  /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 3d} or ISO-8601; else null. */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    try {
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      }
      return Duration.parse(text.strip());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** {@code 1048576}, {@code 512kb} or {@code 1mb} (1024-based) as bytes; else null. */
  static Integer bytes(String text) {
    Matcher m = SIZE.matcher(Text.lower(text));
    if (!m.matches()) {
      return null;
    }
    long factor =
        m.group(2) == null || m.group(2).equals("b")
            ? 1
            : m.group(2).equals("kb") ? 1024 : 1024 * 1024;
    long bytes = Long.parseLong(m.group(1)) * factor;
    return bytes > Integer.MAX_VALUE ? null : (int) bytes;
  }

  private static SimpleModule module() {
    SimpleModule module = new SimpleModule("tandem.yml values");
    module.addDeserializer(Duration.class, strict(ValueSyntax::duration));
    module.addDeserializer(Integer.class, strict(Integer::valueOf));
    module.addDeserializer(int.class, strict(Integer::valueOf));
    module.addDeserializer(Double.class, strict(Double::valueOf));
    module.addDeserializer(double.class, strict(Double::valueOf));
    module.addDeserializer(Boolean.class, strict(ValueSyntax::bool));
    module.addDeserializer(boolean.class, strict(ValueSyntax::bool));
    return module;
  }

  private static Boolean bool(String text) {
    String lower = Text.lower(text.strip());
    return lower.equals("true") ? Boolean.TRUE : lower.equals("false") ? Boolean.FALSE : null;
  }

  /** Reads the value's text with {@code parse}; a {@code null} or exception means not valid. */
  private static <T> ValueDeserializer<T> strict(Function<String, T> parse) {
    return new ValueDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) {
        String text = p.getValueAsString();
        T value = text == null ? null : parse.apply(text.strip());
        if (value == null) {
          throw new IllegalArgumentException("not a valid value: " + text);
        }
        return value;
      }
    };
  }
}
