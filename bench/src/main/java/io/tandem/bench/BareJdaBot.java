package io.tandem.bench;

import io.tandem.simulator.discord.DiscordSimulator;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * The Discord baseline: a JDA client built exactly like Tandem's {@code DiscordBot} (light, no
 * intents, no compression, the simulator's REST base and gateway) whose only behaviour is {@code
 * event.reply("ok").setEphemeral(true).queue()}. It registers a {@code /tandem log duration topic}
 * command so the simulator sends the same interaction shape to both bots.
 */
final class BareJdaBot implements AutoCloseable {

  private final JDA jda;

  private BareJdaBot(JDA jda) {
    this.jda = jda;
  }

  static BareJdaBot start(DiscordSimulator discord, Duration timeout) throws InterruptedException {
    String gateway = discord.gatewayUrl().toString();
    JDA jda =
        JDABuilder.createLight(discord.botToken(), EnumSet.noneOf(GatewayIntent.class))
            .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl().toString()))
            .setSessionController(
                new ConcurrentSessionController() {
                  @Override
                  public String getGateway() {
                    return gateway;
                  }
                })
            .setCompression(Compression.NONE)
            .setEnableShutdownHook(false)
            .addEventListeners(
                new ListenerAdapter() {
                  @Override
                  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                    event.reply("ok").setEphemeral(true).queue();
                  }
                })
            .build();
    try {
      jda.awaitReady();
      jda.getGuildById(discord.guildId())
          .updateCommands()
          .addCommands(
              Commands.slash("tandem", "Reverse mentoring with Tandem")
                  .addSubcommands(
                      new SubcommandData("log", "Log a mentoring session")
                          .addOptions(
                              new OptionData(OptionType.STRING, "duration", "How long", true),
                              new OptionData(OptionType.STRING, "topic", "What you covered"))))
          .submit()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new BareJdaBot(jda);
    } catch (Exception e) {
      jda.shutdownNow();
      if (e instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new IllegalStateException("The bare JDA bot did not start", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    jda.shutdown();
    if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
      jda.shutdownNow();
    }
  }
}
