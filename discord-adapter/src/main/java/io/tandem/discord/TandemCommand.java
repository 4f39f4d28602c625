package io.tandem.discord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.Command.Choice;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * Tandem's application commands: {@code /tandem} for everyone and {@code /tandem-admin} for program
 * admins, their Discord definitions, and the way back from a received command to the one core
 * grammar ({@code log 45m Instagram reels}, {@code program create Pilot every 2w}).
 *
 * <p>The core text is the subcommand followed by the option values in the order the subcommand
 * declares them, so {@code /tandem join role:mentor program:Pilot} becomes {@code join mentor
 * Pilot}, and {@code /tandem-admin match preview} becomes {@code match preview}, exactly what a
 * Slack user would type after {@code /tandem}. The adapter adds no rules: whatever the core says
 * about the text is what the person sees, on both platforms.
 *
 * <p>{@code /tandem-admin} is registered with default member permissions Manage Server and for
 * guilds only, so Discord does not offer it to people who could not use it (Discord's
 * "default_member_permissions": members without them do not see the command unless a server admin
 * allows a role in Server Settings, Integrations). The core still checks who is an admin; this only
 * keeps admin verbs out of participants' command pickers.
 */
final class TandemCommand {
  static final String NAME = "tandem";
  static final String ADMIN_NAME = "tandem-admin";

  private TandemCommand() {}

  /** Both commands, as registered. */
  static List<SlashCommandData> definitions() {
    return List.of(definition(), adminDefinition());
  }

  /** Whether {@code name} is one of Tandem's commands. */
  static boolean isTandem(String name) {
    return NAME.equals(name) || ADMIN_NAME.equals(name);
  }

  /** {@code /tandem}: what participants do. */
  static SlashCommandData definition() {
    return TandemCommandDefinitions.participant();
  }

  /** {@code /tandem-admin}: setting up and running programs. */
  static SlashCommandData adminDefinition() {
    return TandemCommandDefinitions.admin();
  }

  /**
   * Options the core grammar reads as {@code keyword value} rather than by position, e.g. {@code
   * program create Pilot every 2w cap 20}.
   */
  private static final Set<String> KEYWORD_OPTIONS =
      Set.of(
          "every",
          "for",
          "cap",
          "gap",
          "cooldown",
          "weights",
          "skills",
          "with",
          "on",
          "by",
          "override",
          "as",
          "in",
          "meet",
          "goals",
          "retention");

  private static List<String> names(SubcommandData subcommand) {
    return subcommand.getOptions().stream().map(OptionData::getName).toList();
  }

  /** One registered subcommand: the command it belongs to, its path and its options in order. */
  private record Registered(
      String command,
      String path,
      List<String> coreWords,
      List<String> options,
      Map<String, Set<String>> choices) {}

  private static final List<Registered> REGISTERED = registered();

  /**
   * Option names per subcommand path ({@code log}, {@code program create}), in declaration order.
   */
  private static final Map<String, List<String>> OPTION_ORDER =
      REGISTERED.stream().collect(Collectors.toMap(Registered::path, Registered::options));

  private static List<Registered> registered() {
    List<Registered> all = new ArrayList<>();
    for (SlashCommandData definition : definitions()) {
      definition.getSubcommands().forEach(s -> all.add(registered(definition.getName(), null, s)));
      definition
          .getSubcommandGroups()
          .forEach(
              g ->
                  g.getSubcommands()
                      .forEach(s -> all.add(registered(definition.getName(), g.getName(), s))));
    }
    return all;
  }

  private static Registered registered(String command, String group, SubcommandData subcommand) {
    String path = group == null ? subcommand.getName() : group + " " + subcommand.getName();
    // the inverse of coreText: log-list is the core's "log list"
    List<String> coreWords = List.of(path.replace('-', ' ').split(" "));
    Map<String, Set<String>> choices = new HashMap<>();
    subcommand
        .getOptions()
        .forEach(
            o ->
                choices.put(
                    o.getName(),
                    o.getChoices().stream().map(Choice::getAsString).collect(Collectors.toSet())));
    return new Registered(command, path, coreWords, names(subcommand), choices);
  }

  /**
   * A command in the core grammar's words ({@code log 45m Instagram reels}, {@code match preview})
   * as a person types it on Discord ({@code /tandem log duration:45m topic:Instagram reels}, {@code
   * /tandem-admin match preview}): the inverse of {@link #coreText}, read off the registered
   * definitions. Each option but the last positional one takes one word, the last the rest; a
   * keyword option ({@code every 2w}) takes the words up to the next keyword. Empty when no
   * registered subcommand reads the text.
   */
  static Optional<String> typed(String core) {
    List<String> words = List.of(core.strip().split("\\s+"));
    // the longest path first; of equal ones (/tandem pair-end, /tandem-admin pair end) the first
    // whose options can carry the text
    return REGISTERED.stream()
        .filter(r -> startsWith(words, r.coreWords()))
        .sorted(Comparator.comparingInt((Registered r) -> r.coreWords().size()).reversed())
        .map(r -> typed(r, words))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<String> typed(Registered sub, List<String> words) {
    List<String> positional =
        sub.options().stream().filter(o -> !KEYWORD_OPTIONS.contains(o)).toList();
    Map<String, StringBuilder> values = new LinkedHashMap<>();
    String current = null;
    int next = 0;
    for (String word : words.subList(sub.coreWords().size(), words.size())) {
      String keyword = word.toLowerCase(Locale.ROOT);
      if (KEYWORD_OPTIONS.contains(keyword)
          && sub.options().contains(keyword)
          && !values.containsKey(keyword)) {
        current = keyword;
        values.put(current, new StringBuilder());
        continue;
      }
      boolean takesMore =
          current != null
              && (KEYWORD_OPTIONS.contains(current)
                  || current.equals(positional.get(positional.size() - 1)));
      if (!takesMore) {
        if (next >= positional.size()) {
          return Optional.empty();
        }
        current = positional.get(next++);
        values.put(current, new StringBuilder());
      }
      StringBuilder value = values.get(current);
      value.append(value.length() == 0 ? "" : " ").append(word);
    }
    StringBuilder typed =
        new StringBuilder("/").append(sub.command()).append(' ').append(sub.path());
    // Discord lists options in their declared order, whatever order they were typed in
    for (String option : sub.options()) {
      Set<String> allowed = sub.choices().get(option);
      if (values.containsKey(option)
          && !allowed.isEmpty()
          && !allowed.contains(values.get(option).toString())) {
        return Optional.empty();
      }
      if (values.containsKey(option) && values.get(option).length() > 0) {
        typed.append(' ').append(option).append(':').append(values.get(option));
      }
    }
    return Optional.of(typed.toString());
  }

  private static boolean startsWith(List<String> words, List<String> prefix) {
    if (words.size() < prefix.size()) {
      return false;
    }
    for (int i = 0; i < prefix.size(); i++) {
      if (!words.get(i).equalsIgnoreCase(prefix.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The core text for a received {@code /tandem} or {@code /tandem-admin} interaction, e.g. {@code
   * log 45m Instagram}.
   */
  static String coreText(CommandInteractionPayload command) {
    List<String> words = new ArrayList<>();
    if (command.getSubcommandGroup() != null) {
      words.add(command.getSubcommandGroup());
    }
    String subcommand = command.getSubcommandName();
    if (subcommand != null) {
      // log-list, log-edit, log-delete: Discord cannot have a "log" group beside the "log" command;
      // survey cancel-schedule is the core's "survey cancel schedule N"
      words.add(subcommand.replace('-', ' '));
    }
    String key =
        command.getSubcommandGroup() == null
            ? subcommand
            : command.getSubcommandGroup() + " " + subcommand;
    List<String> order = OPTION_ORDER.get(key);
    if (order != null) {
      for (String name : order) {
        OptionMapping option = command.getOption(name);
        if (option != null && !option.getAsString().isBlank()) {
          if (KEYWORD_OPTIONS.contains(name)) {
            words.add(name);
          }
          words.add(option.getAsString().strip());
        }
      }
    } else {
      command.getOptions().forEach(o -> words.add(o.getAsString().strip()));
    }
    return String.join(" ", words);
  }

  /**
   * Whom a received command names, as {@link io.tandem.core.port.in.InboundRequest#mentions()}: a
   * user option ({@code person:}, {@code with:}, {@code first:}) stands in {@link #coreText} as the
   * id Discord sent for the chosen user, and a mention typed into a text option as {@code <@id>}.
   */
  static Map<String, String> mentions(CommandInteractionPayload command) {
    Map<String, String> mentions = new LinkedHashMap<>(DiscordText.mentions(coreText(command)));
    for (OptionMapping option : command.getOptions()) {
      if (option.getType() == OptionType.USER) {
        // the value is the chosen user's id as Discord sent it (a snowflake, taken as text)
        String userId = option.getAsString().strip();
        mentions.put(userId, userId);
      }
    }
    return mentions;
  }
}
