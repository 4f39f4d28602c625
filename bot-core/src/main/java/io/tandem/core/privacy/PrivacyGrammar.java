package io.tandem.core.privacy;

import io.tandem.core.command.CommandParser.Parsed;
import io.tandem.core.kernel.MentionedUsers;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code my data}, {@code forget me [confirm]} and the admins' {@code forget @person [confirm]}.
 */
public final class PrivacyGrammar {

  public static final String MY_DATA_EXAMPLE = "my data";
  public static final String FORGET_EXAMPLE = "forget me";

  private PrivacyGrammar() {}

  /** What a button sends to confirm that an admin forgets {@code userId}. */
  static String confirmForget(String userId) {
    return "forget " + MentionedUsers.plainMention(userId) + " confirm";
  }

  public static Parsed myData(String rest) {
    return rest.strip().equalsIgnoreCase("data")
        ? new Parsed.Accepted(new PrivacyCommand.MyData())
        : new Parsed.Rejected(
            "Did you mean `my data`? It sends you everything Tandem holds about you.",
            MY_DATA_EXAMPLE);
  }

  public static Parsed forget(String rest, MentionedUsers mentions) {
    String target = rest.strip();
    boolean confirmed = false;
    if (target.toLowerCase(Locale.ROOT).endsWith(" confirm")) {
      confirmed = true;
      target = target.substring(0, target.length() - " confirm".length()).strip();
    }
    if (target.isEmpty()) {
      return new Parsed.Rejected(
          "Say `forget me` to erase your own data (Tandem asks first); admins can say `forget"
              + " @person`.",
          FORGET_EXAMPLE);
    }
    if (target.equalsIgnoreCase("me")) {
      return new Parsed.Accepted(PrivacyCommand.forgetMe(confirmed));
    }
    Optional<String> userId = mentions.userId(target);
    if (userId.isEmpty()) {
      String shown = target.length() > 40 ? target.substring(0, 40) + "…" : target;
      return new Parsed.Rejected(
          "`" + shown + "` is neither `me` nor a mention of one person.", FORGET_EXAMPLE);
    }
    return new Parsed.Accepted(PrivacyCommand.forget(userId.get(), confirmed));
  }
}
