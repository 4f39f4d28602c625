package io.tandem.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tandem.config.DiscordConfig;
import io.tandem.core.intake.Intake;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.HandleInteractionUseCase;
import io.tandem.core.port.in.HandleMembershipUseCase;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.DatabaseSettings;
import io.tandem.simulator.discord.DiscordMessage;
import io.tandem.simulator.discord.DiscordModal;
import io.tandem.simulator.discord.DiscordSimulator;
import io.tandem.simulator.discord.InteractionCallback;
import io.tandem.simulator.discord.InteractionResult;
import io.tandem.simulator.discord.RestCall;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("DiscordBot against the simulated Discord with the real JDA")
class DiscordBotTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private DiscordSimulator discord;
  private DiscordBot bot;
  private final RecordingUseCase core = new RecordingUseCase();
  @TempDir Path dir;
  private Database database;
  private Intake intake;

  @BeforeEach
  void startDiscord() {
    database =
        Database.open(
            DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("tandem.db"), null, null, 2),
            Clock.systemUTC());
    intake = new Intake(database, Clock.systemUTC(), core, core, HandleMembershipUseCase.NONE, 2);
    discord = DiscordSimulator.start();
    discord.user("ana");
    discord.user("bo").admin();
    discord.user("cy").manageServer();
  }

  @AfterEach
  void stop() throws InterruptedException {
    intake.stop(Duration.ofSeconds(5));
    if (bot != null) {
      bot.close();
    }
    discord.close();
    database.close();
  }

  private DiscordConfig config(List<String> guildIds) {
    return new DiscordConfig(
        discord.botToken(),
        discord.applicationId(),
        guildIds,
        discord.restUrl(),
        discord.gatewayUrl(),
        discord.adminRoleName());
  }

  private void startBot(List<String> guildIds) {
    bot = new DiscordBot(config(guildIds), intake, Clock.systemUTC());
    intake.answerThrough(Platform.DISCORD, bot.answers());
    bot.start(TIMEOUT);
  }

  @Nested
  @DisplayName("with /tandem registered in the test guild")
  class InGuild {
    @BeforeEach
    void start() {
      startBot(List.of(discord.guildId()));
    }

    @Test
    @DisplayName(
        "registers /tandem for everyone and /tandem-admin for Manage Server, in each configured"
            + " guild, not globally")
    void registersGuildCommands() {
      List<JsonObject> commands = discord.registeredCommands(discord.guildId());

      assertThat(commands)
          .extracting(c -> c.get("name").getAsString())
          .containsExactly("tandem", "tandem-admin");
      assertThat(subcommands(commands.get(0)))
          .contains("help", "join", "log", "status", "profile", "exclude", "goal", "task")
          .doesNotContain("program", "match", "survey", "report", "nudge", "dashboard")
          .doesNotHaveDuplicates()
          .as("Discord allows at most 25 subcommands and groups in one command")
          .hasSizeLessThanOrEqualTo(25);
      assertThat(commands.get(0).get("default_member_permissions").isJsonNull()).isTrue();
      JsonObject admin = commands.get(1);
      assertThat(subcommands(admin))
          .containsExactlyInAnyOrder(
              "program",
              "match",
              "pair",
              "survey",
              "guide",
              "report",
              "nudge",
              "dashboard",
              "forget");
      assertThat(admin.get("default_member_permissions").getAsString())
          .isEqualTo(Long.toString(Permission.MANAGE_SERVER.getRawValue()));
      assertThat(admin.getAsJsonArray("contexts"))
          .extracting(JsonElement::getAsInt)
          .as("guilds only")
          .containsExactly(0);
      assertThat(discord.registeredCommands(null)).isEmpty();
    }

    @Test
    @DisplayName(
        "/tandem-admin is offered to Manage Server and to roles a server admin allowed, and"
            + " reaches the core as the same grammar")
    void adminCommand() throws InterruptedException {
      // GIVEN a plain member, a member with Manage Server and one with the Tandem admin role
      // WHEN each tries /tandem-admin
      // THEN Discord does not offer it to the plain member, nor to the role until it is allowed
      assertThatThrownBy(() -> discord.user("ana").runs("/tandem-admin match preview"))
          .hasMessageContaining("not offered /tandem-admin");
      assertThatThrownBy(() -> discord.user("bo").runs("/tandem-admin match preview"))
          .hasMessageContaining("not offered /tandem-admin");

      discord
          .user("cy")
          .runs("/tandem-admin program create name:Pilot every:2w")
          .awaitReply(TIMEOUT);
      assertThat(core.next().text()).isEqualTo("program create Pilot every 2w");

      discord.allowCommand("tandem-admin", discord.adminRoleId());
      discord.user("bo").runs("/tandem-admin match preview").awaitReply(TIMEOUT);
      Invocation preview = core.next();
      assertThat(preview.text()).isEqualTo("match preview");
      assertThat(preview.actor().admin()).isTrue();
    }

    @Test
    @DisplayName("/tandem log becomes the core text 'log 45m Instagram reels' from the right actor")
    void logCommand() throws InterruptedException {
      core.answer(
          i ->
              Reply.success(
                  "*Logged* 45 minutes",
                  List.of(
                      new Reply.Field("Topic", "Instagram reels"),
                      new Reply.Field("Total", "3h"))));

      InteractionResult result =
          discord.user("ana").runs("/tandem log duration:45m topic:Instagram reels");

      Invocation invocation = core.next();
      assertThat(invocation.text()).isEqualTo("log 45m Instagram reels");
      assertThat(invocation.channelId()).isEqualTo(discord.channelId());
      assertThat(invocation.actor())
          .isEqualTo(
              new Actor(
                  Platform.DISCORD,
                  discord.guildId(),
                  discord.user("ana").id(),
                  "Ana",
                  null,
                  false));

      // a quick command is answered in the callback itself, which Discord shows as the reply
      InteractionCallback callback = result.awaitCallback(TIMEOUT);
      assertThat(callback.type()).isEqualTo(InteractionCallback.CHANNEL_MESSAGE);
      assertThat(callback.ephemeral()).isTrue();
      assertThat(callback.latency()).isLessThan(Duration.ofSeconds(3));

      DiscordMessage reply = result.awaitReply(TIMEOUT);
      assertThat(reply.content()).isEqualTo("**Logged** 45 minutes");
      assertThat(reply.ephemeral()).isTrue();
      assertThat(reply.fields())
          .extracting(DiscordMessage.EmbedField::name, DiscordMessage.EmbedField::value)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("Topic", "Instagram reels"),
              org.assertj.core.groups.Tuple.tuple("Total", "3h"));
      assertThat(result.messages()).hasSize(1);
      assertThat(discord.calls("PATCH", "webhooks/{app}/{token}/messages/{id}")).isEmpty();
    }

    @Test
    @DisplayName("a long command is deferred privately and its answer edited in later")
    void longCommandDeferred() throws InterruptedException {
      core.answer(i -> Reply.info("Pilot: 12 pairs", List.of()));

      InteractionResult result = discord.user("cy").runs("/tandem-admin report program:Pilot");

      assertThat(core.next().text()).isEqualTo("report Pilot");
      InteractionCallback callback = result.awaitCallback(TIMEOUT);
      assertThat(callback.type()).isEqualTo(InteractionCallback.DEFERRED_CHANNEL_MESSAGE);
      assertThat(callback.ephemeral()).isTrue();
      DiscordMessage reply = result.awaitReply(TIMEOUT);
      assertThat(reply.content()).isEqualTo("Pilot: 12 pairs");
      assertThat(reply.ephemeral()).isTrue();
    }

    @Test
    @DisplayName(
        "an interaction replayed to a restarted bot has no second effect: the stored answer is"
            + " offered again and Discord refuses it, the first stays the one shown")
    void repeatAfterRestart() throws Exception {
      try (var connection = database.dataSource().getConnection();
          var statement = connection.createStatement()) {
        statement.execute("CREATE TABLE effect (n INTEGER)");
      }
      // the effect commits in one transaction with the command's own record, as a use case's does
      core.answer(
          i ->
              database.inTransaction(
                  em -> {
                    em.createNativeQuery("INSERT INTO effect (n) VALUES (1)").executeUpdate();
                    return Reply.success("Paused for 2 weeks", List.of());
                  }));
      InteractionResult pause = discord.user("ana").runs("/tandem pause length:2w");
      assertThat(pause.awaitReply(TIMEOUT).content()).isEqualTo("Paused for 2 weeks");
      core.next();

      bot.close();
      startBot(List.of(discord.guildId()));
      discord.clearCalls();
      discord.replay(pause);

      RestCall refused = discord.awaitCall("POST", "interactions/{id}/{token}/callback", TIMEOUT);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(
              refused.body().getAsJsonObject().getAsJsonObject("data").get("content").getAsString())
          .isEqualTo("Paused for 2 weeks");
      try (var connection = database.dataSource().getConnection();
          var counted = connection.createStatement().executeQuery("SELECT count(*) FROM effect")) {
        assertThat(counted.getInt(1)).as("effects").isEqualTo(1);
      }
      assertThat(pause.messages())
          .extracting(DiscordMessage::content)
          .containsExactly("Paused for 2 weeks");
    }

    @Test
    @DisplayName("/tandem join role:mentor program:Pilot 2 becomes 'join mentor Pilot 2'")
    void joinCommand() throws InterruptedException {
      discord.user("ana").runs("/tandem join role:mentor program:Pilot 2").awaitReply(TIMEOUT);
      assertThat(core.next().text()).isEqualTo("join mentor Pilot 2");

      discord.user("ana").runs("/tandem join role:mentee").awaitReply(TIMEOUT);
      assertThat(core.next().text()).isEqualTo("join mentee");
    }

    @Test
    @DisplayName("an error reply is private and marked")
    void errorIsEphemeral() {
      core.answer(i -> Reply.error("`30h` is longer than a session can be.", "log 45m"));

      DiscordMessage reply =
          discord.user("ana").runs("/tandem log duration:30h").awaitReply(TIMEOUT);

      assertThat(reply.ephemeral()).isTrue();
      assertThat(reply.content())
          .startsWith(ReplyRenderer.ERROR_MARKER)
          .contains("`30h` is longer than a session can be.")
          .contains("Example: `/tandem log duration:45m`");
    }

    @Test
    @DisplayName("a public reply is a callback message everyone sees")
    void publicReply() {
      core.answer(
          i ->
              new Reply(
                  Reply.Kind.INFO,
                  Reply.Visibility.PUBLIC,
                  "Hello all",
                  List.of(),
                  List.of(),
                  null));

      InteractionResult result = discord.user("ana").runs("/tandem help");

      DiscordMessage reply = result.awaitReply(TIMEOUT);
      assertThat(reply.content()).isEqualTo("Hello all");
      assertThat(reply.ephemeral()).isFalse();
      assertThat(result.awaitCallback(TIMEOUT).type())
          .isEqualTo(InteractionCallback.CHANNEL_MESSAGE);
      assertThat(result.messages()).hasSize(1);
    }

    @Test
    @DisplayName("a failing core never shows a stack trace, only a private apology")
    void coreFailure() {
      core.answer(
          i -> {
            throw new IllegalStateException("database is on fire");
          });

      DiscordMessage reply = discord.user("ana").runs("/tandem status").awaitReply(TIMEOUT);

      assertThat(reply.ephemeral()).isTrue();
      assertThat(reply.content()).contains("nothing was saved").doesNotContain("fire");
    }

    @Test
    @DisplayName("admins are members with the admin role or Manage Server")
    void adminDetection() throws InterruptedException {
      discord.user("bo").runs("/tandem status").awaitReply(TIMEOUT);
      assertThat(core.next().actor().admin()).as("admin role").isTrue();

      discord.user("cy").runs("/tandem status").awaitReply(TIMEOUT);
      assertThat(core.next().actor().admin()).as("Manage Server").isTrue();

      discord.user("ana").runs("/tandem status").awaitReply(TIMEOUT);
      assertThat(core.next().actor().admin()).as("plain member").isFalse();

      discord.user("dee").admin().runs("/tandem status").awaitReply(TIMEOUT);
      Invocation late = core.next();
      assertThat(late.actor().admin()).as("member not in the initial guild snapshot").isTrue();
      assertThat(late.actor().displayName()).isEqualTo("Dee");
    }

    @Test
    @DisplayName(
        "buttons render in rows of five; a command button runs the core, others say not yet")
    void buttons() throws InterruptedException {
      List<Reply.Button> buttons = new ArrayList<>();
      buttons.add(new Reply.Button("command", "Status", "status", Reply.Button.Style.PRIMARY));
      for (int i = 0; i < 5; i++) {
        buttons.add(new Reply.Button("goal.done", "Goal " + i, "g" + i, null));
      }
      core.answer(i -> Reply.info("Pick one", List.of()).withButtons(buttons));

      DiscordMessage menu = discord.user("ana").runs("/tandem help").awaitReply(TIMEOUT);
      assertThat(menu.buttonRows()).extracting(List::size).containsExactly(5, 1);
      assertThat(menu.buttons().get(0).customId()).isEqualTo("command:status");
      core.next();

      core.answer(i -> Reply.info("All good", List.of()));
      InteractionResult click = discord.user("ana").clicks("command:status");
      assertThat(core.next().text()).isEqualTo("status");
      assertThat(click.awaitCallback(TIMEOUT).type())
          .isEqualTo(InteractionCallback.CHANNEL_MESSAGE);
      assertThat(click.awaitReply(TIMEOUT).content()).isEqualTo("All good");

      core.answer(i -> Reply.error("That button is no longer active.", "/tandem help"));
      DiscordMessage inactive = discord.user("ana").clicks("goal.done:g3").awaitReply(TIMEOUT);
      assertThat(core.next().text()).isEqualTo("goal.done g3");
      assertThat(inactive.content()).startsWith(ReplyRenderer.ERROR_MARKER);
      assertThat(inactive.ephemeral()).isTrue();
    }

    @Test
    @DisplayName(
        "a button whose answer is a form opens a modal, a slash command's shows the button that"
            + " opens it; its submit goes to the core")
    void formsOpenAsModals() throws InterruptedException {
      core.answer(
          i ->
              Reply.info("Menu", List.of())
                  .withButtons(
                      List.of(
                          new Reply.Button("command", "Log", "log", Reply.Button.Style.DEFAULT))));
      discord.user("ana").runs("/tandem help").awaitReply(TIMEOUT);
      core.next();
      core.answer(
          i ->
              new Reply(
                  Reply.Kind.INFO,
                  Reply.Visibility.PRIVATE,
                  "",
                  List.of(),
                  List.of(),
                  new Reply.Form(
                      "log",
                      "Log a session",
                      "Save",
                      List.of(
                          new Reply.Input("duration", "How long?", false, false, "45m"),
                          new Reply.Input("topic", "What about?", true, true, null)))));

      DiscordModal modal = discord.user("ana").clicks("command:log").awaitModal(TIMEOUT);
      assertThat(modal.customId()).isEqualTo("log");
      assertThat(modal.inputs())
          .extracting(DiscordModal.TextInput::customId, DiscordModal.TextInput::paragraph)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("duration", false),
              org.assertj.core.groups.Tuple.tuple("topic", true));
      core.next();

      // a slash command's form comes behind a button in its callback, which opens the modal
      InteractionResult command = discord.user("ana").runs("/tandem log");
      assertThat(command.awaitCallback(TIMEOUT).type())
          .isEqualTo(InteractionCallback.CHANNEL_MESSAGE);
      DiscordMessage.Button open = command.awaitReply(TIMEOUT).buttons().get(0);
      assertThat(discord.user("ana").clicks(open.customId()).awaitModal(TIMEOUT).customId())
          .isEqualTo("log");
      core.next();

      core.answer(i -> Reply.success("Saved", List.of()));
      java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
      values.put("duration", "30m");
      values.put("topic", "TikTok");
      DiscordMessage saved = discord.user("ana").submits("log", values).awaitReply(TIMEOUT);
      assertThat(core.next().text()).isEqualTo("log 30m TikTok");
      assertThat(saved.content()).isEqualTo("Saved");
    }
  }

  @Test
  @DisplayName("with no guild ids /tandem is global; in a DM it says to use it in the server")
  void globalCommandsAndDms() {
    startBot(List.of());

    assertThat(discord.registeredCommands(null)).hasSize(2);
    assertThat(discord.registeredCommands(discord.guildId())).isEmpty();

    DiscordMessage answer = discord.user("ana").runsInDm("/tandem status").awaitReply(TIMEOUT);

    assertThat(answer.content()).isEqualTo(DiscordActors.USE_IN_SERVER);
    assertThat(answer.ephemeral()).isTrue();
    assertThat(core.invocations).isEmpty();
    // /tandem-admin is for servers only, where Tandem knows who is an admin
    assertThatThrownBy(() -> discord.user("cy").runsInDm("/tandem-admin report"))
        .hasMessageContaining("not offered in DMs");
  }

  @Test
  @DisplayName("with no guild ids every guild the bot is in is served")
  void guildsTheBotIsIn() throws InterruptedException {
    startBot(List.of());

    discord.user("ana").runs("/tandem status").awaitReply(TIMEOUT);

    assertThat(core.next().actor().workspaceId()).isEqualTo(discord.guildId());
  }

  @Test
  @DisplayName("a command from a guild not in discord.guild-ids is refused privately")
  void otherGuild() {
    startBot(List.of("123456789"));

    DiscordMessage command = discord.user("ana").runs("/tandem join mentor").awaitReply(TIMEOUT);

    assertThat(command.content()).isEqualTo(DiscordActors.OTHER_SERVER);
    assertThat(command.ephemeral()).isTrue();
    assertThat(core.invocations).isEmpty();
  }

  @Test
  @DisplayName("a rate-limited command registration is retried and the bot still starts")
  void rateLimitedRegistration() {
    discord.rateLimit("PUT", "applications/{application_id}/guilds/{guild_id}/commands", 1);

    startBot(List.of(discord.guildId()));

    assertThat(discord.calls("PUT", "applications/{application_id}/guilds/{guild_id}/commands"))
        .extracting(c -> c.status())
        .containsExactly(429, 200);
    assertThat(discord.registeredCommands(discord.guildId())).hasSize(2);
  }

  @Test
  @DisplayName(
      "track-departures without the Server Members intent enabled fails at once, saying what to"
          + " switch on")
  void disallowedMembersIntent() {
    discord.close();
    discord = DiscordSimulator.builder().serverMembersIntent(false).start();
    DiscordConfig tracking = config(List.of(discord.guildId())).withTrackDepartures(true);
    long started = System.nanoTime();

    assertThatThrownBy(
            () -> new DiscordBot(tracking, intake, Clock.systemUTC()).start(Duration.ofSeconds(30)))
        .isInstanceOf(io.tandem.core.kernel.SetupFailure.class)
        .hasMessageContaining("Server Members Intent")
        .hasMessageContaining("discord.track-departures");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    assertThat(discord.identifiedIntents())
        .allMatch(i -> (i & DiscordSimulator.GUILD_MEMBERS_INTENT) != 0);
  }

  /** A stand-in for the core: records invocations and answers with a settable function. */
  /**
   * Stands in for the core, recording what reaches it as text: commands as typed, clicks as {@code
   * action value} (the value alone for {@code command} buttons), submits as the form id and the
   * values in input order.
   */
  private static final class RecordingUseCase
      implements HandleCommandUseCase, HandleInteractionUseCase {
    private final BlockingQueue<Invocation> invocations = new LinkedBlockingQueue<>();
    private volatile Function<Invocation, Reply> answer = i -> Reply.info("ok", List.of());

    void answer(Function<Invocation, Reply> newAnswer) {
      this.answer = newAnswer;
    }

    Invocation next() throws InterruptedException {
      Invocation invocation = invocations.poll(10, TimeUnit.SECONDS);
      assertThat(invocation).as("an invocation reached the core").isNotNull();
      return invocation;
    }

    @Override
    public Reply handle(Invocation invocation) {
      invocations.add(invocation);
      return answer.apply(invocation);
    }

    @Override
    public Reply clicked(Actor actor, String channelId, String actionId, String value) {
      String text = actionId.equals("command") ? value : actionId + " " + value;
      return handle(new Invocation(actor, channelId, text));
    }

    @Override
    public Reply submitted(
        Actor actor, String channelId, String formId, java.util.Map<String, String> values) {
      String text = formId + " " + String.join(" ", values.values());
      return handle(new Invocation(actor, channelId, text));
    }
  }

  private static List<String> subcommands(JsonObject command) {
    List<String> names = new ArrayList<>();
    for (JsonElement option : command.getAsJsonArray("options")) {
      names.add(option.getAsJsonObject().get("name").getAsString());
    }
    return names;
  }
}
