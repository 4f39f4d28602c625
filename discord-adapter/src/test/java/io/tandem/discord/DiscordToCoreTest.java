package io.tandem.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.tandem.config.DiscordConfig;
import io.tandem.core.command.Command;
import io.tandem.core.command.CommandParser;
import io.tandem.core.kernel.MentionedUsers;
import io.tandem.core.port.in.HandleMembershipUseCase;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.IntakeUseCase;
import io.tandem.core.port.in.IntakeUseCase.Acceptance;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.simulator.discord.DiscordMessage;
import io.tandem.simulator.discord.DiscordSimulator;
import io.tandem.simulator.discord.InteractionCallback;
import io.tandem.simulator.discord.InteractionResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

/**
 * What a person does in Discord reaches the core's intake as one {@link InboundRequest} with what
 * Discord sent: the real JDA runs against the simulated Discord, the intake and the membership use
 * case are Mockito doubles whose calls are checked, and what the person sees comes back through
 * Discord.
 */
@DisplayName("Discord interactions reach the core with what Discord sent")
class DiscordToCoreTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final IntakeUseCase intake = mock(IntakeUseCase.class);
  private final HandleMembershipUseCase membership = mock(HandleMembershipUseCase.class);
  private DiscordSimulator discord;
  private DiscordBot bot;

  @BeforeEach
  void startDiscord() {
    discord = DiscordSimulator.start();
    discord.user("ana");
    discord.user("cy").manageServer();
  }

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
    discord.close();
  }

  private void startBot(boolean trackDepartures) {
    DiscordConfig config =
        new DiscordConfig(
                discord.botToken(),
                discord.applicationId(),
                List.of(discord.guildId()),
                discord.restUrl(),
                discord.gatewayUrl(),
                discord.adminRoleName())
            .withTrackDepartures(trackDepartures);
    // slash commands come through acceptOrAnswer: here every one is stored to be answered later
    when(intake.acceptOrAnswer(any(), any()))
        .thenAnswer(
            call -> new IntakeUseCase.Taken(intake.accept(call.getArgument(0)), Optional.empty()));
    bot = new DiscordBot(config, intake, Clock.systemUTC()).withMembership(membership);
    bot.start(TIMEOUT);
  }

  private List<InboundRequest> accepted(int count) {
    ArgumentCaptor<InboundRequest> requests = ArgumentCaptor.forClass(InboundRequest.class);
    verify(intake, timeout(TIMEOUT.toMillis()).times(count)).accept(requests.capture());
    return requests.getAllValues();
  }

  @ParameterizedTest(name = "{0} {1} reaches the core as ''{2}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "ana | /tandem log duration:45m topic:Instagram reels | log 45m Instagram reels",
        "ana | /tandem join role:mentor program:Pilot 2        | join mentor Pilot 2",
        "cy  | /tandem-admin program create name:Pilot every:2w | program create Pilot every 2w",
        "cy  | /tandem-admin match preview                     | match preview"
      })
  @DisplayName("a slash command's options reach the intake as the core text a Slack user types")
  void slashCommandOptions(String who, String line, String coreText) {
    when(intake.accept(any())).thenReturn(Acceptance.ACCEPTED);
    startBot(false);

    InteractionResult result = discord.user(who).runs(line);

    InboundRequest request = accepted(1).get(0);
    assertThat(request.platform()).isEqualTo(Platform.DISCORD);
    assertThat(request.kind()).isEqualTo(InboundRequest.Kind.COMMAND);
    assertThat(request.name()).isEqualTo(coreText);
    assertThat(request.workspaceId()).isEqualTo(discord.guildId());
    assertThat(request.userId()).isEqualTo(discord.user(who).id());
    assertThat(request.channelId()).isEqualTo(discord.channelId());
    assertThat(request.replyAddress()).isEqualTo(result.token());
    assertThat(request.deliveryKey()).isEqualTo("discord:" + result.id());
    InteractionCallback callback = result.awaitCallback(TIMEOUT);
    assertThat(callback.type()).isEqualTo(InteractionCallback.DEFERRED_CHANNEL_MESSAGE);
    assertThat(callback.ephemeral()).isTrue();
  }

  @Test
  @DisplayName(
      "the intake's answer shows in place of the deferral; a button in it reaches the intake as"
          + " its action id and value")
  void answerAndButton() {
    when(intake.accept(any())).thenReturn(Acceptance.ACCEPTED);
    startBot(false);
    InteractionResult help = discord.user("ana").runs("/tandem help");
    InboundRequest command = accepted(1).get(0);
    help.awaitCallback(TIMEOUT);

    boolean taken =
        bot.answers()
            .answer(
                command,
                Reply.info("Your goals", List.of())
                    .withButtons(
                        List.of(new Reply.Button("goal.done", "Done: ship it", "g3", null))));

    assertThat(taken).isTrue();
    DiscordMessage shown = help.awaitReply(TIMEOUT);
    assertThat(shown.content()).isEqualTo("Your goals");
    discord.user("ana").clicks(shown.buttons().get(0).customId());
    InboundRequest click = accepted(2).get(1);
    assertThat(click.kind()).isEqualTo(InboundRequest.Kind.CLICK);
    assertThat(click.userId()).isEqualTo(discord.user("ana").id());
    assertThat(click.name()).isEqualTo("goal.done");
    assertThat(click.value()).isEqualTo("g3");
  }

  @Test
  @DisplayName(
      "a chosen user and a mention typed into a text option reach the core resolved beside the"
          + " text, which stays as typed")
  void mentions() {
    when(intake.accept(any())).thenReturn(Acceptance.ACCEPTED);
    startBot(false);
    String ana = discord.user("ana").id();
    String someone = "811111111111111199";

    // the with: option is a user option: Discord sends the chosen user's id
    discord.user("cy").runs("/tandem log duration:1h topic:<@" + someone + "> reels with:" + ana);

    InboundRequest request = accepted(1).get(0);
    assertThat(request.name()).isEqualTo("log 1h <@" + someone + "> reels with " + ana);
    assertThat(request.mentions())
        .containsOnly(Map.entry("<@" + someone + ">", someone), Map.entry(ana, ana));
    // the core's grammar takes the partner from the map and keeps the topic as typed
    assertThat(new CommandParser().parse(request.name(), MentionedUsers.of(request.mentions())))
        .isEqualTo(
            new CommandParser.Parsed.Accepted(
                new Command.Log(60, "<@" + someone + "> reels", ana, Command.Day.TODAY)));
  }

  @Test
  @DisplayName("while Tandem stops, the intake refuses a command and the person is told to retry")
  void refusedWhileStopping() {
    when(intake.accept(any())).thenReturn(Acceptance.REFUSED);
    startBot(false);

    DiscordMessage reply = discord.user("ana").runs("/tandem status").awaitReply(TIMEOUT);

    assertThat(reply.content()).isEqualTo(InteractionHandler.RESTARTING);
    assertThat(reply.ephemeral()).isTrue();
  }

  @Test
  @DisplayName("when the intake cannot store a command, the person hears nothing was saved")
  void intakeFailure() {
    when(intake.accept(any())).thenThrow(new IllegalStateException("disk full"));
    startBot(false);

    DiscordMessage reply = discord.user("ana").runs("/tandem status").awaitReply(TIMEOUT);

    assertThat(reply.content()).contains("nothing was saved").doesNotContain("disk full");
    assertThat(reply.ephemeral()).isTrue();
  }

  @Test
  @DisplayName("someone leaving the server reaches the membership use case with guild and user")
  void memberLeaves() {
    startBot(true);

    discord.user("ana").leavesServer();

    verify(membership, timeout(TIMEOUT.toMillis()))
        .memberLeft(Platform.DISCORD, discord.guildId(), discord.user("ana").id());
  }
}
