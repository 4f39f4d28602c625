package io.tandem.core.port.in;

/** The chat platforms Tandem speaks. Members of different platforms are distinct members. */
public enum Platform {
  SLACK,
  DISCORD
}
