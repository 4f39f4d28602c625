package io.tandem.simulator.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The simulated Discord, driven by a raw JDA client")
class DiscordSimulatorJdaTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private DiscordSimulator discord;
  private JDA jda;
  private final Events events = new Events();

  @BeforeEach
  void startDiscordAndJda() {
    discord = DiscordSimulator.start();
    discord.user("ana");
    discord.user("bo").admin();
    String gateway = discord.gatewayUrl().toString();
    jda =
        JDABuilder.createLight(discord.botToken(), EnumSet.of(GatewayIntent.GUILD_MEMBERS))
            .setMemberCachePolicy(MemberCachePolicy.ALL)
            .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl().toString()))
            .setSessionController(
                new ConcurrentSessionController() {
                  @Override
                  public String getGateway() {
                    return gateway;
                  }
                })
            .setCompression(Compression.NONE)
            .addEventListeners(events)
            .build();
    // JDA#awaitReady has no timeout: a malformed guild would hang the build, so poll the status.
    await().atMost(TIMEOUT).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
  }

  @AfterEach
  void stop() {
    if (jda != null) {
      jda.shutdownNow();
    }
    if (discord != null) {
      discord.close();
    }
  }

  @Test
  @DisplayName("JDA logs in and caches the guild with its members and roles")
  void guildIsCached() {
    Guild guild = jda.getGuildById(discord.guildId());

    assertThat(jda.getSelfUser().getId()).isEqualTo(discord.botUserId());
    assertThat(jda.getSelfUser().getApplicationId()).isEqualTo(discord.applicationId());
    assertThat(guild).isNotNull();
    assertThat(guild.getTextChannels()).extracting(c -> c.getName()).contains("general");
    assertThat(guild.getRoles()).extracting(r -> r.getName()).contains("Tandem Admin", "Moderator");
    assertThat(guild.getPublicRole().getId()).isEqualTo(discord.guildId());
    assertThat(guild.getMembers())
        .extracting(m -> m.getUser().getName())
        .contains("ana", "bo", "Tandem");
    assertThat(guild.getSelfMember()).isNotNull();
    Member bo = guild.getMemberById(discord.user("bo").id());
    assertThat(bo.getRoles()).extracting(r -> r.getName()).containsExactly("Tandem Admin");
    assertThat(discord.calls("GET", "users/@me")).hasSize(1);
  }

  @Test
  @DisplayName("a slash command arrives with subcommand and typed options, and the reply is seen")
  void slashCommand() throws Exception {
    jda.getGuildById(discord.guildId())
        .updateCommands()
        .addCommands(
            Commands.slash("tandem", "Reverse mentoring")
                .addSubcommands(
                    new SubcommandData("log", "Log a session")
                        .addOption(OptionType.STRING, "duration", "How long", true)
                        .addOption(OptionType.STRING, "topic", "What about")
                        .addOption(OptionType.INTEGER, "rating", "1 to 5"),
                    new SubcommandData("join", "Join")
                        .addOptions(
                            new OptionData(OptionType.STRING, "role", "Role", true)
                                .addChoice("mentor", "mentor")
                                .addChoice("mentee", "mentee"))))
        .complete();
    assertThat(discord.registeredCommands(discord.guildId()))
        .singleElement()
        .satisfies(c -> assertThat(c.get("id").getAsString()).isNotBlank());

    InteractionResult result =
        discord.user("ana").runs("/tandem log duration:45m topic:Instagram reels rating:4");

    SlashCommandInteractionEvent event = events.slash.get(10, TimeUnit.SECONDS);
    assertThat(event.getName()).isEqualTo("tandem");
    assertThat(event.getSubcommandName()).isEqualTo("log");
    assertThat(event.getOption("duration").getAsString()).isEqualTo("45m");
    assertThat(event.getOption("topic").getAsString()).isEqualTo("Instagram reels");
    assertThat(event.getOption("rating").getAsLong()).isEqualTo(4);
    assertThat(event.getMember().getId()).isEqualTo(discord.user("ana").id());
    assertThat(event.getGuild().getId()).isEqualTo(discord.guildId());

    DiscordMessage reply = result.awaitReply(TIMEOUT);
    assertThat(reply.content()).isEqualTo("logged");
    assertThat(reply.ephemeral()).isTrue();
    assertThat(result.awaitCallback(TIMEOUT).type()).isEqualTo(InteractionCallback.CHANNEL_MESSAGE);
    assertThat(result.awaitCallback(TIMEOUT).latency()).isLessThan(Duration.ofSeconds(3));
    // the transcript records the reply just after the callback is answered
    org.awaitility.Awaitility.await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(discord.transcript())
                    .extracting(TranscriptEntry::text)
                    .contains("/tandem log duration:45m topic:Instagram reels rating:4", "logged"));

    assertThatThrownBy(() -> discord.user("ana").runs("/tandem join role:boss"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("choices");
  }

  @Test
  @DisplayName("a deferred reply, a follow-up with a button, a click and a modal submit")
  void deferredButtonAndModal() throws Exception {
    InteractionResult result = discord.user("ana").runs("/tandem status");
    SlashCommandInteractionEvent event = events.slash.get(10, TimeUnit.SECONDS);
    event.deferReply(true).complete();
    assertThat(result.awaitCallback(TIMEOUT).deferred()).isTrue();
    event
        .getHook()
        .sendMessage("Your status")
        .setComponents(ActionRow.of(Button.primary("log.open:x", "Log a session")))
        .complete();

    DiscordMessage reply = result.awaitReply(TIMEOUT);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.buttons())
        .extracting(DiscordMessage.Button::customId)
        .containsExactly("log.open:x");

    InteractionResult click = discord.user("ana").clicks("log.open:x");
    ButtonInteractionEvent clicked = events.button.get(10, TimeUnit.SECONDS);
    assertThat(clicked.getComponentId()).isEqualTo("log.open:x");
    clicked.reply("clicked").setEphemeral(true).complete();
    assertThat(click.awaitReply(TIMEOUT).content()).isEqualTo("clicked");

    InteractionResult submit =
        discord.user("ana").submits("log.form", Map.of("duration", "30m", "topic", "TikTok"));
    ModalInteractionEvent modal = events.modal.get(10, TimeUnit.SECONDS);
    assertThat(modal.getModalId()).isEqualTo("log.form");
    assertThat(modal.getValue("duration").getAsString()).isEqualTo("30m");
    assertThat(modal.getValue("topic").getAsString()).isEqualTo("TikTok");
    modal.reply("saved").complete();
    assertThat(submit.awaitReply(TIMEOUT).content()).isEqualTo("saved");
  }

  @Test
  @DisplayName("JDA honours a 429 on a route: the call succeeds after the simulator saw 2 requests")
  void rateLimitIsHonoured() {
    discord.rateLimit("POST", "channels/{channel_id}/messages", 1);

    long started = System.nanoTime();
    jda.getTextChannelById(discord.channelId()).sendMessage("hello").complete();

    List<RestCall> posts = discord.calls("POST", "channels/{channel_id}/messages");
    assertThat(posts).extracting(RestCall::status).containsExactly(429, 200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(900));
    assertThat(discord.channelMessages())
        .extracting(DiscordMessage::content)
        .containsExactly("hello");
  }

  @Test
  @DisplayName("REST calls without the bot token are refused with 401")
  void wrongTokenIsRefused() throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var response =
        client.send(
            java.net.http.HttpRequest.newBuilder(discord.restUrl().resolve("users/@me"))
                .header("Authorization", "Bot wrong")
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(
            jda.getGuildById(discord.guildId())
                .getSelfMember()
                .hasPermission(Permission.MESSAGE_SEND))
        .isTrue();
  }

  @Test
  @DisplayName("a replayed INTERACTION_CREATE reaches JDA again; the second reply gets 40060")
  void replayedInteraction() {
    // GIVEN a command the bot answered
    InteractionResult result = discord.user("ana").runs("/tandem log duration:45m");
    assertThat(result.awaitReply(TIMEOUT).content()).isEqualTo("logged");

    // WHEN the gateway delivers the same dispatch again
    discord.replay(result);

    // THEN the bot saw the same interaction twice, and Discord refused its second reply
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(discord.calls("POST", "interactions/{id}/{token}/callback"))
                    .extracting(RestCall::status)
                    .containsExactly(200, 400));
    assertThat(events.slashIds).containsExactly(result.id(), result.id());
    assertThat(discord.transcript()).extracting(TranscriptEntry::text).containsOnlyOnce("logged");
  }

  /** Captures the first event of each kind and answers slash commands it does not defer. */
  private static final class Events extends ListenerAdapter {
    final List<String> slashIds = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CompletableFuture<SlashCommandInteractionEvent> slash = new CompletableFuture<>();
    final CompletableFuture<ButtonInteractionEvent> button = new CompletableFuture<>();
    final CompletableFuture<ModalInteractionEvent> modal = new CompletableFuture<>();

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
      slashIds.add(event.getId());
      slash.complete(event);
      if ("log".equals(event.getSubcommandName())) {
        event.reply("logged").setEphemeral(true).queue();
      }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
      button.complete(event);
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
      modal.complete(event);
    }
  }
}
