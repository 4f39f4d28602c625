package io.tandem.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The {@code /tandem} application command: its Discord definition, and the way back from a received
 * command to the one core grammar ({@code log 45m Instagram reels}).
 *
 * <p>The core text is the subcommand followed by the option values in the order the subcommand
 * declares them, so {@code /tandem join role:mentor program:Pilot} becomes {@code join mentor
 * Pilot}, exactly what a Slack user would type. The adapter adds no rules: whatever the core says
 * about the text is what the person sees, on both platforms.
 */
final class TandemCommand {
  static final String NAME = "tandem";

  private TandemCommand() {}

  static SlashCommandData definition() {
    return Commands.slash(NAME, "Reverse mentoring with Tandem")
        .addSubcommands(
            new SubcommandData("help", "What Tandem can do for you"),
            new SubcommandData("join", "Join a mentoring program")
                .addOptions(
                    new OptionData(OptionType.STRING, "role", "Join as mentor or mentee", true)
                        .addChoice("mentor", "mentor")
                        .addChoice("mentee", "mentee"),
                    new OptionData(
                        OptionType.STRING, "program", "Which program, when there are several")),
            new SubcommandData("log", "Log a mentoring session")
                .addOptions(
                    new OptionData(
                        OptionType.STRING, "duration", "How long, e.g. 45m or 1h30m", true),
                    new OptionData(OptionType.STRING, "topic", "What you covered")),
            new SubcommandData("status", "Your pairing, sessions and goals"));
  }

  /** Option names per subcommand, in declaration order. */
  private static final Map<String, List<String>> OPTION_ORDER =
      definition().getSubcommands().stream()
          .collect(
              Collectors.toMap(
                  SubcommandData::getName,
                  s -> s.getOptions().stream().map(OptionData::getName).toList()));

  /** The core text for a received {@code /tandem} interaction, e.g. {@code log 45m Instagram}. */
  static String coreText(CommandInteractionPayload command) {
    List<String> words = new ArrayList<>();
    if (command.getSubcommandGroup() != null) {
      words.add(command.getSubcommandGroup());
    }
    String subcommand = command.getSubcommandName();
    if (subcommand != null) {
      words.add(subcommand);
    }
    List<String> order = OPTION_ORDER.get(subcommand);
    if (order != null) {
      for (String name : order) {
        OptionMapping option = command.getOption(name);
        if (option != null && !option.getAsString().isBlank()) {
          words.add(option.getAsString().strip());
        }
      }
    } else {
      command.getOptions().forEach(o -> words.add(o.getAsString().strip()));
    }
    return String.join(" ", words);
  }
}
