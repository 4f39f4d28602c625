package io.tandem.app.web;

import java.util.List;

/**
 * What the dashboard's templates ({@code src/main/jte}) show: plain values, every one of them text
 * that the templates escape for where it lands (element, attribute, URL). Nothing here is markup.
 */
public final class Pages {

  private Pages() {}

  /** A link: its address and its text. */
  public record Link(String href, String text) {}

  /** The program, period and as-of form at the top of a page; {@code problem} may be null. */
  public record Filters(
      String action,
      String token,
      List<Choice> choices,
      String periodText,
      String periodExample,
      String asOfText,
      String problem) {}

  /** One program to choose. */
  public record Choice(long id, String label, boolean selected) {}

  /** A headline number; {@code id} names it for tests and scripts ({@code data-metric}). */
  public record Card(String id, String label, String value) {}

  /** A chart image; {@code src} null means there is nothing to draw and the caption says so. */
  public record Figure(String name, String caption, String src) {}

  /** A health bucket and its number of pairs. */
  public record Badge(String css, String label, long count) {}

  /** One pair in the overview's table. */
  public record PairLine(
      long id,
      String href,
      String mentor,
      String mentee,
      String status,
      int score,
      String css,
      String health,
      String rounds,
      long sessions,
      String hours,
      String lastMet,
      String tasks,
      String usefulness) {}

  /** One week or day of the program's events, with each event's count. */
  public record EventLine(String when, List<Long> counts) {}

  /**
   * The program's events over time.
   *
   * @param unit {@code week} or {@code day}
   * @param events the events' names, in the order of each line's counts
   * @param lines the weeks or days with at least one event, oldest first
   * @param totals every event over the period, in words
   */
  public record Events(String unit, List<String> events, List<EventLine> lines, String totals) {}

  /** One profile dimension of the people in pairs. */
  public record MixTable(String dimension, List<MixGroup> groups, int suppressedGroups) {}

  /** One group of a {@link MixTable}. */
  public record MixGroup(String value, long mentors, long mentees) {}

  /** A program's overview. */
  public record Overview(
      String title,
      Filters filters,
      String program,
      String status,
      String period,
      String asOf,
      List<Card> cards,
      List<Figure> figures,
      int chartWidth,
      int chartHeight,
      String retention,
      List<Badge> badges,
      List<PairLine> pairs,
      Events events,
      List<MixTable> mix,
      List<Link> downloads,
      String expires,
      OutcomeLines outcomes) {}

  /**
   * Targets with their verdicts, and what changed at work in people's words.
   *
   * @param words the answers, empty below the anonymity threshold
   * @param note what to show instead of {@code words} when it is empty
   */
  public record OutcomeLines(List<String> targets, List<String> words, String note) {}

  /** One part of a pair's score, as a bar against its maximum. */
  public record ScorePart(
      String label,
      int textY,
      int barY,
      int x,
      int fullWidth,
      long width,
      int valueX,
      String value) {}

  /** One session as a bar, its height its length. */
  public record MeetingBar(int x, long y, long height, String title) {}

  /** One session in the table. */
  public record Meeting(String day, int minutes) {}

  /** A pair's page. */
  public record PairPage(
      String title,
      Link back,
      String mentor,
      String mentee,
      List<Card> cards,
      int scoreWidth,
      int scoreHeight,
      List<ScorePart> parts,
      String plan,
      int meetingsWidth,
      int meetingsHeight,
      int maxMinutes,
      List<MeetingBar> bars,
      List<Meeting> meetings) {}
}
