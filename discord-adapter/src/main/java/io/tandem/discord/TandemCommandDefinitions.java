package io.tandem.discord;

import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * The Discord definitions of {@code /tandem} and {@code /tandem-admin}: their subcommands, groups,
 * options and choices, as {@link TandemCommand} registers them and reads commands back.
 */
final class TandemCommandDefinitions {
  private TandemCommandDefinitions() {}

  /** {@code /tandem}: what participants do. */
  static SlashCommandData participant() {
    return Commands.slash(TandemCommand.NAME, "Reverse mentoring with Tandem")
        .addSubcommands(
            new SubcommandData("help", "What Tandem can do for you"),
            new SubcommandData("join", "Join a mentoring program")
                .addOptions(
                    new OptionData(OptionType.STRING, "role", "Join as mentor or mentee", true)
                        .addChoice("mentor", "mentor")
                        .addChoice("mentee", "mentee"),
                    new OptionData(
                        OptionType.STRING, "program", "Which program, when there are several")))
        .addSubcommands(logs())
        .addSubcommands(
            new SubcommandData("status", "Your pairing, sessions and goals"),
            new SubcommandData("profile", "Edit your profile")
                .addOptions(new OptionData(OptionType.STRING, "program", "Which program")),
            new SubcommandData("exclude", "Never be paired with someone (private)")
                .addOptions(
                    new OptionData(OptionType.USER, "person", "Who to keep apart from", true)),
            new SubcommandData("pause", "Take a break from reminders")
                .addOptions(
                    new OptionData(OptionType.STRING, "length", "2w, 10d or until 2026-06-01"))
                .addOptions(target()),
            new SubcommandData("resume", "End your pause now").addOptions(target()),
            new SubcommandData("leave", "Leave a program (your partners are told)")
                .addOptions(
                    new OptionData(OptionType.STRING, "confirm", "Type confirm to leave")
                        .addChoice("confirm", "confirm"))
                .addOptions(target()),
            new SubcommandData("pair-end", "End your pairing but stay in the program (asks first)")
                .addOptions(
                    new OptionData(OptionType.USER, "with", "Your partner, when you have several"),
                    new OptionData(OptionType.STRING, "confirm", "Type confirm to end it")
                        .addChoice("confirm", "confirm")),
            new SubcommandData("snooze", "Move your pair's reminder")
                .addOptions(
                    new OptionData(OptionType.STRING, "when", "2d, until 2026-06-01 or pick", true))
                .addOptions(target()),
            new SubcommandData("continue", "Carry on with your pair after a quiet spell")
                .addOptions(target()),
            new SubcommandData("support", "Ask the program admins for help").addOptions(target()),
            new SubcommandData("remind-me", "When reminders reach you (no options shows it)")
                .addOptions(
                    new OptionData(
                        OptionType.STRING,
                        "choice",
                        "at 9:00, on weekends, not on weekends (your time zone)")),
            new SubcommandData("my-data", "Everything Tandem holds about you, as a private file"),
            new SubcommandData("forget-me", "Leave every program and erase your data (asks first)")
                .addOptions(
                    new OptionData(OptionType.STRING, "confirm", "Type confirm to erase")
                        .addChoice("confirm", "confirm")))
        .addSubcommandGroups(goals(), tasks());
  }

  /** {@code /tandem log …}: sessions. */
  private static List<SubcommandData> logs() {
    return List.of(
        new SubcommandData("log", "Log a mentoring session (no options opens a form)")
            .addOptions(
                new OptionData(OptionType.STRING, "duration", "How long, e.g. 45m or 1h30m"),
                new OptionData(OptionType.STRING, "topic", "What you covered"),
                new OptionData(OptionType.USER, "with", "Your partner"),
                new OptionData(OptionType.STRING, "on", "The day: 2026-05-04, today or yesterday")),
        new SubcommandData("log-list", "Your pair's sessions, numbered").addOptions(target()),
        new SubcommandData("log-edit", "Change your log of a session")
            .addOptions(number("The session's number from log-list"))
            .addOptions(target()),
        new SubcommandData("log-delete", "Delete your log of a session")
            .addOptions(number("The session's number from log-list"))
            .addOptions(target()));
  }

  /** {@code /tandem goal …}: the pair's learning plan. */
  private static SubcommandGroupData goals() {
    return new SubcommandGroupData("goal", "Your pair's learning plan")
        .addSubcommands(
            new SubcommandData("add", "Set a goal (no options opens a form)")
                .addOptions(
                    new OptionData(OptionType.STRING, "text", "The goal"),
                    new OptionData(OptionType.STRING, "by", "By when, e.g. 2026-06-30"),
                    new OptionData(OptionType.STRING, "for", "Who is learning")
                        .addChoice("me", "me")
                        .addChoice("partner", "partner"),
                    partner()),
            new SubcommandData("done", "Mark a goal reached")
                .addOptions(number("The goal's number from goal list"))
                .addOptions(target()),
            new SubcommandData("list", "Goals, tasks and progress").addOptions(target()),
            new SubcommandData("review", "Re-rate the skills you rated when you joined")
                .addOptions(
                    new OptionData(
                        OptionType.STRING, "in", "Which program, when you are in several")));
  }

  /** {@code /tandem task …}: steps towards a goal. */
  private static SubcommandGroupData tasks() {
    return new SubcommandGroupData("task", "Steps towards a goal")
        .addSubcommands(
            new SubcommandData("add", "Add a task to a goal")
                .addOptions(
                    number("The goal's number from goal list").setName("goal"),
                    new OptionData(OptionType.STRING, "text", "The task", true),
                    partner()),
            new SubcommandData("done", "Mark a task done")
                .addOptions(number("The task's number from task list"))
                .addOptions(target()),
            new SubcommandData("list", "Tasks in your plan").addOptions(target()));
  }

  /** {@code with @partner}: which pair, for people with several partners. */
  private static OptionData partner() {
    return new OptionData(OptionType.USER, "with", "Which partner, when you have several");
  }

  /**
   * {@code with @partner} and {@code in PROGRAM}: which pair or program, for people with several;
   * declared last, as the core reads the program to the end of the command.
   */
  private static List<OptionData> target() {
    return List.of(
        partner(),
        new OptionData(OptionType.STRING, "in", "Which program, when you are in several"));
  }

  /** {@code /tandem-admin}: setting up and running programs. */
  static SlashCommandData admin() {
    return Commands.slash(TandemCommand.ADMIN_NAME, "Run Tandem's mentoring programs (admins)")
        .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
        .setContexts(InteractionContextType.GUILD)
        .addSubcommands(
            new SubcommandData("nudge", "Nudge a person and their partner now")
                .addOptions(new OptionData(OptionType.USER, "person", "Who to nudge", true)),
            new SubcommandData("forget", "Erase a person's data (asks first)")
                .addOptions(
                    new OptionData(OptionType.USER, "person", "Whose data to erase", true),
                    new OptionData(OptionType.STRING, "confirm", "Type confirm to erase")
                        .addChoice("confirm", "confirm")),
            new SubcommandData("report", "Program funnel, pair health and retention")
                .addOptions(new OptionData(OptionType.STRING, "program", "Which program")),
            new SubcommandData("dashboard", "A private link to the web dashboard")
                .addOptions(
                    new OptionData(
                        OptionType.STRING, "program", "One program (default: all of them)")))
        .addSubcommandGroups(programs(), matching(), pairs(), surveys(), guides());
  }

  /** {@code /tandem-admin program …}: setting up and running programs. */
  private static SubcommandGroupData programs() {
    return new SubcommandGroupData("program", "Set up and run programs")
        .addSubcommands(
            settings(
                new SubcommandData("create", "Create a program"),
                new OptionData(OptionType.STRING, "name", "Its name", true)),
            programAction("open", "Open for joining"),
            programAction("start", "Start (pairs meet)"),
            programAction("pause", "Pause reminders"),
            programAction("close", "Close"),
            programAction("show", "Show settings and numbers"),
            new SubcommandData("list", "List programs"),
            settings(
                new SubcommandData("edit", "Change settings; a higher cap admits the waitlist"),
                new OptionData(OptionType.STRING, "name", "Which program")),
            new SubcommandData("waitlist", "Who waits for a place, first in line first")
                .addOptions(new OptionData(OptionType.STRING, "program", "Which program")),
            new SubcommandData("people", "Who is enrolled")
                .addOptions(new OptionData(OptionType.STRING, "program", "Which program")),
            new SubcommandData("copy", "A new draft program with another's settings")
                .addOptions(
                    new OptionData(OptionType.STRING, "from", "The program to copy", true),
                    new OptionData(OptionType.STRING, "as", "The new program's name", true)),
            new SubcommandData("remove", "Take someone out of a program")
                .addOptions(
                    new OptionData(OptionType.USER, "person", "Who", true),
                    new OptionData(OptionType.STRING, "program", "Which program")),
            // the core's "program admins add @person PROGRAM": Discord nests no deeper than a group
            new SubcommandData("admins-add", "Make someone an admin of one program")
                .addOptions(
                    new OptionData(OptionType.USER, "person", "Who", true),
                    new OptionData(OptionType.STRING, "program", "Which program")),
            new SubcommandData("admins-remove", "Take a program's admin right away")
                .addOptions(
                    new OptionData(OptionType.USER, "person", "Who", true),
                    new OptionData(OptionType.STRING, "program", "Which program")),
            new SubcommandData("admins-list", "Who administers a program")
                .addOptions(new OptionData(OptionType.STRING, "program", "Which program")),
            new SubcommandData("checkins", "When pairs are asked how it is going")
                .addOptions(
                    new OptionData(
                        OptionType.STRING, "days", "Days after matching, e.g. 30,60,90, or off"),
                    new OptionData(OptionType.STRING, "program", "Which program")),
            // the core's "program targets PROGRAM meet 80% goals 70% retention 100%"
            new SubcommandData("targets", "Show or set a program's targets")
                .addOptions(
                    new OptionData(OptionType.STRING, "program", "Which program"),
                    new OptionData(OptionType.STRING, "meet", "Pairs meeting monthly, e.g. 80%"),
                    new OptionData(OptionType.STRING, "goals", "Goals done, e.g. 70%"),
                    new OptionData(
                        OptionType.STRING,
                        "retention",
                        "Participants' retention as a share of others', e.g. 100%")));
  }

  /** {@code /tandem-admin pair …}: one pair at a time. */
  private static SubcommandGroupData pairs() {
    return new SubcommandGroupData("pair", "One pair at a time")
        .addSubcommands(
            new SubcommandData("end", "End two people's pairing; both stay in the program")
                .addOptions(
                    new OptionData(OptionType.USER, "first", "One of the pair", true),
                    new OptionData(OptionType.USER, "second", "The other", true),
                    new OptionData(OptionType.STRING, "reason", "Why, for the record")),
            new SubcommandData("redo", "End a person's pair; both go back for the next round")
                .addOptions(
                    new OptionData(OptionType.USER, "person", "Whose pair", true),
                    new OptionData(OptionType.STRING, "reason", "Why, for the record")),
            new SubcommandData("make", "Pair two people by hand")
                .addOptions(
                    new OptionData(OptionType.USER, "mentor", "The mentor", true),
                    new OptionData(OptionType.USER, "mentee", "The mentee", true),
                    new OptionData(OptionType.STRING, "program", "Which program"),
                    new OptionData(
                        OptionType.STRING,
                        "override",
                        "Why a matching rule may be broken (recorded)")));
  }

  /** {@code /tandem-admin match …}: pairing people. */
  private static SubcommandGroupData matching() {
    return new SubcommandGroupData("match", "Pair people")
        .addSubcommands(
            new SubcommandData("preview", "Propose the best pairs")
                .addOptions(new OptionData(OptionType.STRING, "program", "Which program")),
            new SubcommandData("swap", "Exchange two people's partners")
                .addOptions(
                    new OptionData(OptionType.USER, "first", "One person", true),
                    new OptionData(OptionType.USER, "second", "The other", true),
                    new OptionData(OptionType.STRING, "program", "Which program")),
            new SubcommandData("approve", "Create the proposed pairs")
                .addOptions(new OptionData(OptionType.STRING, "program", "Which program")));
  }

  /** {@code /tandem-admin guide …}: the guidance pairs get. */
  private static SubcommandGroupData guides() {
    OptionData program = new OptionData(OptionType.STRING, "program", "Which program");
    OptionData template =
        new OptionData(
            OptionType.STRING,
            "template",
            "mentor-guide, mentee-guide, first-session, agenda-…",
            true);
    return new SubcommandGroupData("guide", "The guidance pairs get")
        .addSubcommands(
            new SubcommandData("list", "Role guides and agendas, and who changed them")
                .addOptions(program),
            new SubcommandData("edit", "Change a guide or agenda in a form")
                .addOptions(template, program),
            new SubcommandData("reset", "Back to Tandem's default").addOptions(template, program),
            new SubcommandData("import", "Paste several templates from a file")
                .addOptions(program));
  }

  /** {@code /tandem-admin survey …}: pulse surveys. */
  private static SubcommandGroupData surveys() {
    return new SubcommandGroupData("survey", "Pulse surveys")
        .addSubcommands(
            new SubcommandData("send", "Send a survey now")
                .addOptions(
                    new OptionData(OptionType.STRING, "template", "e.g. monthly-pulse", true),
                    new OptionData(OptionType.STRING, "program", "Which program")),
            new SubcommandData("results", "A run's results")
                .addOptions(number("The run's number from survey list")),
            new SubcommandData("list", "Survey runs and schedules"),
            new SubcommandData("cancel", "Close a run now")
                .addOptions(number("The run's number from survey list")),
            new SubcommandData("cancel-schedule", "Stop a schedule")
                .addOptions(number("The schedule's number from survey list")),
            new SubcommandData("schedule", "Send a survey on a schedule")
                .addOptions(
                    new OptionData(OptionType.STRING, "template", "e.g. monthly-pulse", true),
                    new OptionData(
                        OptionType.STRING,
                        "when",
                        "monthly on day 1 at 10:00, weekly on mon at 10:00, or cron",
                        true),
                    new OptionData(OptionType.STRING, "for", "Which program")));
  }

  /** {@code name}, then the settings {@code program create} and {@code program edit} both take. */
  private static SubcommandData settings(SubcommandData subcommand, OptionData name) {
    return subcommand.addOptions(
        name,
        new OptionData(OptionType.STRING, "every", "Cadence, e.g. 2w"),
        new OptionData(OptionType.STRING, "for", "Duration, e.g. 26w"),
        new OptionData(OptionType.STRING, "cap", "Pilot size"),
        new OptionData(OptionType.STRING, "gap", "Minimum seniority gap"),
        new OptionData(OptionType.STRING, "cooldown", "No repeat pairs within, e.g. 12m"),
        new OptionData(OptionType.STRING, "weights", "e.g. teach=3,learn=2"),
        new OptionData(OptionType.STRING, "skills", "Skills to choose from, comma-separated"));
  }

  private static OptionData number(String description) {
    return new OptionData(OptionType.INTEGER, "number", description, true).setMinValue(1);
  }

  private static SubcommandData programAction(String name, String description) {
    return new SubcommandData(name, description)
        .addOptions(new OptionData(OptionType.STRING, "name", "Which program", true));
  }
}
