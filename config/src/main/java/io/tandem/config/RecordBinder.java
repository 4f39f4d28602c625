package io.tandem.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Binds one section of settings to a config record. Each setting's text becomes the component's
 * type through Jackson ({@link ValueSyntax}) and is checked against the constraints on the record
 * component (Jakarta Bean Validation); a problem names the key path and quotes the value. The
 * record's canonical constructor then takes the values, the record's defaults filling in what is
 * not set.
 *
 * <p>A component's key is its name in kebab-case, or its {@link JsonProperty}. Components that are
 * records themselves, or lists of anything but text, are sections or settings of their own: {@link
 * Bound#set} supplies them.
 */
final class RecordBinder {

  private static final Validator VALIDATOR =
      Validation.byProvider(HibernateValidator.class)
          .providerResolver(() -> List.of(new HibernateValidator()))
          .configure()
          // no META-INF/validation.xml to look for, no JPA provider to ask whether a component is
          // loaded (config records are not entities): both cost start-up time and change nothing
          .ignoreXmlConfiguration()
          .traversableResolver(new AllTraversable())
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private final SettingReader reader;

  /** Builds the validator (on first use of this class) and nothing else. */
  static void prepare() {
    Objects.requireNonNull(VALIDATOR);
  }

  RecordBinder(SettingReader reader) {
    this.reader = reader;
  }

  /**
   * Reads {@code type}'s settings from {@code section}; unset ones keep {@code defaults}' value.
   */
  <R extends Record> Bound<R> read(Class<R> type, Section section, R defaults) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RecordComponent component : type.getRecordComponents()) {
      try {
        values.put(component.getName(), component.getAccessor().invoke(defaults));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return read(type, section, values);
  }

  /** As {@link #read(Class, Section, Record)}, with the defaults by component name. */
  <R extends Record> Bound<R> read(Class<R> type, Section section, Map<String, Object> defaults) {
    Bound<R> bound = new Bound<>(type, section, defaults);
    for (RecordComponent component : type.getRecordComponents()) {
      String key = key(component);
      if (!section.known().contains(key) || component.getType().isRecord()) {
        continue;
      }
      if (List.class.isAssignableFrom(component.getType())) {
        if (isTextList(component)) {
          readList(bound, component, key);
        }
      } else {
        readScalar(bound, component, key);
      }
    }
    return bound;
  }

  private <R extends Record> void readScalar(
      Bound<R> bound, RecordComponent component, String key) {
    Setting setting = reader.text(bound.section, key);
    String name = component.getName();
    if (!setting.isSet()) {
      if (bound.values.get(name) == null) {
        violation(bound.type, name, null).ifPresent(p -> fail(bound, key, setting.missing(p)));
      }
      return;
    }
    Object value;
    try {
      value =
          component.isAnnotationPresent(ValueSyntax.Bytes.class)
              ? ValueSyntax.bytes(setting.value())
              : ValueSyntax.convert(setting.value(), component.getGenericType());
    } catch (RuntimeException e) {
      value = null;
    }
    if (value == null) {
      fail(bound, key, setting.problem(expectation(bound.type, component)));
      return;
    }
    Optional<String> violation = violation(bound.type, name, value);
    if (violation.isPresent()) {
      fail(bound, key, setting.problem(violation.get()));
    } else {
      bound.values.put(name, value);
    }
  }

  private <R extends Record> void readList(Bound<R> bound, RecordComponent component, String key) {
    List<Setting> items = reader.list(bound.section, key);
    if (items.isEmpty()) {
      return;
    }
    List<String> texts = items.stream().map(Setting::value).toList();
    List<ConstraintViolation<R>> violations =
        new ArrayList<>(VALIDATOR.validateValue(bound.type, component.getName(), texts));
    violations.sort(Comparator.comparingInt(RecordBinder::index));
    for (ConstraintViolation<R> violation : violations) {
      fail(bound, key, items.get(Math.max(0, index(violation))).problem(violation.getMessage()));
    }
    bound.values.put(component.getName(), texts);
  }

  private void fail(Bound<?> bound, String key, String problem) {
    reader.problem(problem);
    bound.failed.add(key);
  }

  /** The first constraint {@code value} breaks, as its message. */
  private static <R> Optional<String> violation(Class<R> type, String name, Object value) {
    return VALIDATOR.validateValue(type, name, value).stream()
        .map(ConstraintViolation::getMessage)
        .sorted()
        .findFirst();
  }

  /** What a value that is not even of the right type is told: its constraint's message. */
  private static String expectation(Class<?> type, RecordComponent component) {
    Class<?> target = component.getType();
    if (target.isEnum()) {
      return "is not one of "
          + String.join(
              ", ",
              Arrays.stream(target.getEnumConstants())
                  .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT))
                  .toList());
    }
    if (target == boolean.class || target == Boolean.class) {
      return "is not true or false";
    }
    PropertyDescriptor property =
        VALIDATOR.getConstraintsForClass(type).getConstraintsForProperty(component.getName());
    Stream<ConstraintDescriptor<?>> constraints =
        property == null
            ? Stream.empty()
            : Stream.concat(
                property.getConstraintDescriptors().stream(),
                property.getConstrainedContainerElementTypes().stream()
                    .map(ContainerElementTypeDescriptor::getConstraintDescriptors)
                    .flatMap(Set::stream));
    return constraints
        .filter(c -> !(c.getAnnotation() instanceof NotNull))
        .map(ConstraintDescriptor::getMessageTemplate)
        .findFirst()
        .orElse("is not a valid value");
  }

  /** The list index a violation is about, or -1. */
  private static int index(ConstraintViolation<?> violation) {
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getIndex() != null) {
        return node.getIndex();
      }
    }
    return -1;
  }

  private static boolean isTextList(RecordComponent component) {
    return component.getGenericType() instanceof ParameterizedType list
        && list.getActualTypeArguments()[0] == String.class;
  }

  /** The component's key in {@code tandem.yml}. */
  static String key(RecordComponent component) {
    try {
      JsonProperty property =
          component
              .getDeclaringRecord()
              .getDeclaredField(component.getName())
              .getAnnotation(JsonProperty.class);
      return property != null ? property.value() : SettingKeys.canonical(component.getName());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A record's values as read so far: what the section's rules look at before it is built.
   *
   * @param <R> the record
   */
  final class Bound<R extends Record> {

    private final Class<R> type;
    private final Section section;
    private final Map<String, Object> values;
    private final List<String> failed = new ArrayList<>();
    private final int problemsBefore;

    private Bound(Class<R> type, Section section, Map<String, Object> defaults) {
      this.type = type;
      this.section = section;
      this.values = new LinkedHashMap<>(defaults);
      this.problemsBefore = reader.problems().size();
    }

    /** The setting at {@code key} of this section. */
    Setting setting(String key) {
      return reader.text(section, key);
    }

    /** The value of the component {@code name}: as set, or its default. */
    @SuppressWarnings("unchecked")
    <T> T value(String name) {
      return (T) values.get(name);
    }

    /** Whether the setting at {@code key} was given and could not be used. */
    boolean failed(String key) {
      return failed.contains(key);
    }

    /** Whether no problem was found since reading this record began. */
    boolean clean() {
      return reader.problems().size() == problemsBefore;
    }

    Bound<R> set(String name, Object value) {
      values.put(name, value);
      return this;
    }

    /** The record, or {@code null} when a problem was found since reading it began. */
    R build() {
      if (!clean()) {
        return null;
      }
      // the values already have the components' types: the canonical constructor takes them as
      // they are (a trip through Jackson would build a deserializer per record, at start-up)
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] arguments = new Object[components.length];
      for (int c = 0; c < components.length; c++) {
        types[c] = components[c].getType();
        Object value = values.get(components[c].getName());
        arguments[c] = value == null && types[c].isPrimitive() ? zero(types[c]) : value;
      }
      try {
        return type.getDeclaredConstructor(types).newInstance(arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A primitive component left unset: zero or false, as Jackson would pass it. */
  private static Object zero(Class<?> primitive) {
    return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(primitive, 1), 0);
  }

  /**
   * Every component is validated: what the default resolver answers for anything not a JPA entity.
   */
  private static final class AllTraversable implements jakarta.validation.TraversableResolver {
    @Override
    public boolean isReachable(
        Object bean,
        Path.Node property,
        Class<?> rootType,
        Path pathToProperty,
        java.lang.annotation.ElementType elementType) {
      return true;
    }

    @Override
    public boolean isCascadable(
        Object bean,
        Path.Node property,
        Class<?> rootType,
        Path pathToProperty,
        java.lang.annotation.ElementType elementType) {
      return true;
    }
  }
}
