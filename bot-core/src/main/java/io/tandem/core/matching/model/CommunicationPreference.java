package io.tandem.core.matching.model;

/** How a participant prefers to meet their partner. */
public enum CommunicationPreference {
  CHAT("chat", "chat"),
  CALL("call", "calls"),
  IN_PERSON("in person", "meeting in person");

  private final String label;
  private final String phrase;

  CommunicationPreference(String label, String phrase) {
    this.label = label;
    this.phrase = phrase;
  }

  /** As people type it: {@code chat}, {@code call}, {@code in person}. */
  public String label() {
    return label;
  }

  /** {@code chat}, {@code call}, {@code in person} (also {@code in-person}, {@code inperson}). */
  public static java.util.Optional<CommunicationPreference> parse(String text) {
    String key =
        text == null
            ? ""
            : text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]", "");
    for (CommunicationPreference c : values()) {
      if (c.label.replace(" ", "").equals(key)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }

  /** As in "both prefer {phrase}". */
  public String phrase() {
    return phrase;
  }

  /**
   * 1 when both prefer the same, 0.5 for a call and an in-person meeting (both are live
   * conversations), 0 for chat against a live conversation.
   */
  public double compatibility(CommunicationPreference other) {
    if (this == other) {
      return 1.0;
    }
    return this != CHAT && other != CHAT ? 0.5 : 0.0;
  }
}
