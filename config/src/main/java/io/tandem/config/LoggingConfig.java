package io.tandem.config;

import java.util.Locale;
import java.util.Objects;

/**
 * How Tandem logs ({@code logging}). Every line goes to standard output.
 *
 * @param format {@code text} (readable lines, the default) or {@code json} (one JSON object a line,
 *     for a log collector)
 * @param level the least severe of Tandem's own messages that are written; libraries write only
 *     warnings and errors (or only errors, when this is {@code error})
 */
public record LoggingConfig(Format format, Level level) {

  /** How each line is written. */
  public enum Format {
    TEXT,
    JSON;

    /** The spelling used in {@code tandem.yml}. */
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How severe a message must be to be written. */
  public enum Level {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR;

    /** The spelling used in {@code tandem.yml}. */
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public LoggingConfig {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(level, "level");
  }

  /** Readable lines, Tandem's messages from {@code info} up. */
  public static LoggingConfig defaults() {
    return new LoggingConfig(Format.TEXT, Level.INFO);
  }
}
