package io.tandem.demo;

import io.tandem.app.Tandem;
import io.tandem.core.learning.LearningFeature;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The pilot's outcomes beside its activity: the program admin sets targets once the pairs are made,
 * and people who reach a goal say what changed at work because of it (one in four skips the
 * question). Near the end each mentor sets and reaches a goal of their own, the leadership they
 * learned from their mentee, so the final report has enough answers to quote them without names.
 */
final class PilotOutcomes {

  static final String TARGETS = "meet 80% goals 60% retention 100%";

  private static final List<String> WORDS =
      List.of(
          "I build my own dashboards now instead of asking the analytics team",
          "Our weekly meeting starts with a two-minute demo of a tool someone tried",
          "I answer customer questions on our social channels myself",
          "I ask the quietest person in the room first, and we decide faster",
          "My team shares drafts earlier, and reviews take a day instead of a week",
          "I explain the why behind a priority before I hand out the work",
          "I use the AI assistant for first drafts and spend the time on review");

  private final SimulatedChat chat;
  private final Conversation conversation;
  private final Tandem tandem;
  private final PrintWriter out;
  private int goalsDone;

  PilotOutcomes(SimulatedChat chat, Tandem tandem, PrintWriter out) {
    this.chat = chat;
    this.conversation = new Conversation(chat, out);
    this.tandem = tandem;
    this.out = out;
  }

  /** The program admin sets the pilot's targets, which its report and final report read. */
  void setTargets() {
    conversation.say(Pilot.PROGRAM_ADMIN, "program targets " + Pilot.PROGRAM + " " + TARGETS, 4);
  }

  /** {@code person} marks their goal done and answers (or skips) the question that follows. */
  void goalDone(String person, String number, String with) {
    String done = conversation.say(person, "goal done " + number + with, 1);
    if (!done.contains("What changed at work")) {
      return;
    }
    String goal = Long.toString(lastDoneGoal(person));
    int turn = goalsDone++;
    if (turn % 4 == 3) {
      out.println(Transcript.clicked(person, "Skip"));
      out.println(
          Transcript.answered(chat.click(person, LearningFeature.OUTCOME_SKIP_ACTION, goal), 1));
      return;
    }
    String words = WORDS.get(turn % WORDS.size());
    SimulatedChat.Answer form = chat.clickForForm(person, LearningFeature.OUTCOME_ACTION, goal);
    out.println(Transcript.clicked(person, "Tell what changed"));
    out.println(Transcript.filledIn(Map.of("what changed at work", words)));
    out.println(Transcript.answered(chat.fill(person, form, Map.of("outcome", words)), 1));
  }

  /** Each mentor writes down what they learned from their mentee, reaches it, and says so. */
  void mentorsLookBack(List<Pilot.Pair> pairs) {
    pairs.stream()
        .map(Pilot.Pair::mentor)
        .distinct()
        .forEach(
            mentor -> {
              Pilot.Pair pair =
                  pairs.stream().filter(p -> p.mentor().equals(mentor)).findFirst().orElseThrow();
              boolean several = pairs.stream().filter(p -> p.mentor().equals(mentor)).count() > 1;
              String with = several ? " with " + chat.mention(pair.mentee()) : "";
              String added =
                  conversation.say(
                      mentor,
                      "goal add Run a meeting the way " + pair.mentee() + " would" + with,
                      1);
              if (added.matches("(?s).*Goal \\d+ set.*")) {
                goalDone(mentor, added.replaceAll("(?s).*Goal (\\d+) set.*", "$1"), with);
              }
            });
  }

  /** The id of the goal {@code person} owns that was done last: what their answer is about. */
  private long lastDoneGoal(String person) {
    try (Connection c = tandem.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT g.id FROM goal g JOIN participant p ON p.id = g.owner_id"
                    + " JOIN member m ON m.id = p.member_id"
                    + " WHERE LOWER(m.display_name) LIKE ? AND g.done_at IS NOT NULL"
                    + " ORDER BY g.done_at DESC, g.id DESC")) {
      ps.setString(1, person.toLowerCase(java.util.Locale.ROOT) + "%");
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException(person + " has no done goal");
        }
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the goals", e);
    }
  }
}
