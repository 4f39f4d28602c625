package io.tandem.core.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Stores every {@link Instant} as UTC epoch milliseconds in a {@code BIGINT} column, the one time
 * representation that behaves the same on SQLite and PostgreSQL.
 */
@Converter(autoApply = true)
public class InstantMillisConverter implements AttributeConverter<Instant, Long> {

  @Override
  public Long convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  @Override
  public Instant convertToEntityAttribute(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
