package io.tandem.core.domain.matching;

/** How a participant prefers to meet their partner. */
public enum CommunicationPreference {
  CHAT("chat"),
  CALL("calls"),
  IN_PERSON("meeting in person");

  private final String phrase;

  CommunicationPreference(String phrase) {
    this.phrase = phrase;
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
