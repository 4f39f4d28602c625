package io.tandem.core.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one person answered, or what a pair agreed: how they meet and every how many days. Feedback
 * both ways is not a choice, so it is not a term: confirming an answer confirms it.
 *
 * @param meet one of {@link #WAYS}
 * @param everyDays one of {@link #OFTEN}'s keys
 */
public record Terms(String meet, int everyDays) {

  /** How a pair can meet, in the order the buttons show them. */
  public static final List<String> WAYS = List.of("chat", "call", "in person");

  /** How often a pair can meet: days between sessions, and how people say it. */
  public static final Map<Integer, String> OFTEN =
      Map.of(7, "weekly", 14, "every two weeks", 30, "monthly");

  /** The terms one can disagree on, in the order they are shown. */
  public enum Term {
    MEET("meet"),
    OFTEN("often");

    private final String key;

    Term(String key) {
      this.key = key;
    }

    /** The name a settle button's value carries. */
    public String key() {
      return key;
    }
  }

  public Terms {
    if (!WAYS.contains(meet)) {
      throw new IllegalArgumentException("not a way to meet: " + meet);
    }
    if (!OFTEN.containsKey(everyDays)) {
      throw new IllegalArgumentException("not a choice of how often: " + everyDays);
    }
  }

  /** The choices of how often, most often first. */
  public static List<Integer> oftenChoices() {
    return OFTEN.keySet().stream().sorted().toList();
  }

  /** The choice of how often nearest to the program's cadence (the shorter one on a tie). */
  public static int nearestOften(int cadenceDays) {
    return oftenChoices().stream()
        .min(Comparator.comparingInt((Integer d) -> Math.abs(d - cadenceDays)))
        .orElseThrow();
  }

  /** "call, weekly" */
  public String describe() {
    return meet + ", " + OFTEN.get(everyDays);
  }

  /** "by call, weekly": the sentence form. */
  public String sentence() {
    return ("in person".equals(meet) ? "in person" : "by " + meet) + ", " + OFTEN.get(everyDays);
  }

  /** The terms on which {@code other} differs from these, in {@link Term} order. */
  public List<Term> differences(Terms other) {
    Objects.requireNonNull(other, "other");
    List<Term> differ = new ArrayList<>();
    if (!meet.equals(other.meet)) {
      differ.add(Term.MEET);
    }
    if (everyDays != other.everyDays) {
      differ.add(Term.OFTEN);
    }
    return differ;
  }

  /** These terms with one term set from a settle button's value ({@code call}, {@code 14}). */
  public Terms with(Term term, String value) {
    return switch (term) {
      case MEET -> new Terms(value, everyDays);
      case OFTEN -> new Terms(meet, Integer.parseInt(value));
    };
  }

  /** The value a settle button carries for {@code term} of these terms. */
  public String value(Term term) {
    return switch (term) {
      case MEET -> meet;
      case OFTEN -> Integer.toString(everyDays);
    };
  }

  /** How people read {@code term} of these terms: "call", "weekly". */
  public String label(Term term) {
    return switch (term) {
      case MEET -> meet;
      case OFTEN -> OFTEN.get(everyDays);
    };
  }
}
