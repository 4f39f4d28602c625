package io.tandem.simulator;

import java.util.List;

/**
 * What a hostile participant types into a name, topic or goal: text that would mention, broadcast
 * or link on Slack or Discord if a platform read it as markup. For tests that show it arrives as
 * text.
 */
public final class HostileText {

  public static final List<String> VALUES =
      List.of(
          "<!channel>",
          "<!everyone>",
          "<!here>",
          "<!subteam^S123>",
          "<@U123>",
          "<@123>",
          "<@!123>",
          "<#C123>",
          "<@&123>",
          "<https://evil.example|Verify>",
          "@everyone",
          "@here",
          "[Verify](https://evil.example)",
          "*bold*",
          "`code`",
          "&lt;");

  private HostileText() {}
}
