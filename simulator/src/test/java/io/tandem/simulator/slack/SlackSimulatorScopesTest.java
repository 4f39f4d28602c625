package io.tandem.simulator.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The simulated Slack grants the app the manifest's scopes, and no others")
class SlackSimulatorScopesTest {

  private SlackSimulator simulator;
  private Slack slack;

  private MethodsClient start(SlackSimulatorBuilder builder) {
    simulator = builder.botToken("xoxb-scopes").appToken("xapp-scopes").start();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(simulator.apiUrl());
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    return slack.methods(simulator.botToken());
  }

  @AfterEach
  void stop() throws Exception {
    if (simulator != null) {
      slack.close();
      simulator.close();
    }
  }

  @Test
  @DisplayName("by default the app has exactly the bot scopes of slack-app-manifest.yml")
  void grantsTheManifestScopes() throws Exception {
    // GIVEN a simulator started without naming scopes
    MethodsClient bot = start(SlackSimulator.builder());

    // WHEN the app asks who it is
    var auth = bot.authTest(r -> r);

    // THEN it has the manifest's scopes, in Slack's header
    assertThat(simulator.scopes().granted())
        .contains("chat:write", "im:write", "mpim:write", "users:read", "im:history")
        .doesNotContain("channels:history");
    assertThat(auth.getHttpResponseHeaders().get("x-oauth-scopes").get(0).split(","))
        .containsExactlyInAnyOrderElementsOf(simulator.scopes().granted());
  }

  @Test
  @DisplayName("a group DM without mpim:write is refused with missing_scope, needed and provided")
  void groupDmNeedsMpimWrite() throws Exception {
    // GIVEN an app installed without mpim:write
    MethodsClient bot =
        start(SlackSimulator.builder().scopes(Scopes.fromManifest().without("mpim:write")));
    String ana = simulator.user("ana").id();
    String ben = simulator.user("ben").id();

    // WHEN it opens a DM with one person and a group DM with two
    ConversationsOpenResponse dm = bot.conversationsOpen(r -> r.users(List.of(ana)));
    ConversationsOpenResponse group = bot.conversationsOpen(r -> r.users(List.of(ana, ben)));

    // THEN the DM opens (im:write) and the group DM is refused as Slack refuses it
    assertThat(dm.isOk()).isTrue();
    assertThat(group.isOk()).isFalse();
    assertThat(group.getError()).isEqualTo("missing_scope");
    assertThat(group.getNeeded()).isEqualTo("mpim:write");
    assertThat(group.getProvided()).contains("im:write").doesNotContain("mpim:write");
    assertThat(simulator.groupDm(simulator.user("ana"), simulator.user("ben"))).isEmpty();
  }

  @Test
  @DisplayName("reading a conversation's history needs the *:history scope of its type")
  void historyNeedsTheScopeOfTheConversationType() throws Exception {
    // GIVEN an app with im:history but without mpim:history, and a DM and a group DM
    MethodsClient bot =
        start(SlackSimulator.builder().scopes(Scopes.fromManifest().without("mpim:history")));
    String ana = simulator.user("ana").id();
    String ben = simulator.user("ben").id();
    String dm = bot.conversationsOpen(r -> r.users(List.of(ana))).getChannel().getId();
    String group = bot.conversationsOpen(r -> r.users(List.of(ana, ben))).getChannel().getId();

    // WHEN it reads both, and a public channel
    ConversationsHistoryResponse dmHistory = bot.conversationsHistory(r -> r.channel(dm));
    ConversationsHistoryResponse groupHistory = bot.conversationsHistory(r -> r.channel(group));
    ConversationsHistoryResponse channel = bot.conversationsHistory(r -> r.channel("C0GENERAL"));

    // THEN only the DM's history is served
    assertThat(dmHistory.isOk()).isTrue();
    assertThat(groupHistory.getError()).isEqualTo("missing_scope");
    assertThat(groupHistory.getNeeded()).isEqualTo("mpim:history");
    assertThat(channel.getNeeded()).isEqualTo("channels:history");
  }

  @Test
  @DisplayName("posting needs chat:write; users.info shows emails only with users:read.email")
  void postingAndEmails() throws Exception {
    // GIVEN an app with users:read only, and no chat:write
    MethodsClient bot = start(SlackSimulator.builder().scopes(Scopes.of(Set.of("users:read"))));
    SimulatedUser ana = simulator.user("ana");

    // WHEN it posts and looks a person up
    ChatPostMessageResponse posted =
        bot.chatPostMessage(r -> r.channel(ana.dmChannelId()).text("hi"));
    UsersInfoResponse info = bot.usersInfo(r -> r.user(ana.id()));

    // THEN the post is refused and nothing is shown; the person has no email
    assertThat(posted.getError()).isEqualTo("missing_scope");
    assertThat(posted.getNeeded()).isEqualTo("chat:write");
    assertThat(simulator.messages()).isEmpty();
    assertThat(info.isOk()).isTrue();
    assertThat(info.getUser().getProfile().getEmail()).isNull();
  }

  @Test
  @DisplayName("the manifest's bot scopes are read from its oauth_config, comments ignored")
  void readsTheManifest() {
    String manifest =
        """
        display_information:
          name: X
        oauth_config:
          scopes:
            bot:
              - commands   # /x
              - chat:write
            user:
              - search:read
        settings:
          socket_mode_enabled: true
        """;

    assertThat(Scopes.botScopes(manifest)).containsExactly("commands", "chat:write");
  }
}
