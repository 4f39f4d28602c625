package io.tandem.discord;

import io.tandem.simulator.discord.DiscordSimulator;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/** A light JDA connected to the simulated Discord, for tests of the delivery port. */
final class SimulatedJda {

  private SimulatedJda() {}

  /** Logs in to the simulator and returns once it has identified. */
  static JDA connect(DiscordSimulator discord, Duration timeout) {
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
            .build();
    discord.awaitIdentified(timeout);
    return jda;
  }

  static void shutdown(JDA jda) throws InterruptedException {
    jda.shutdownNow();
    jda.awaitShutdown(5, TimeUnit.SECONDS);
  }
}
