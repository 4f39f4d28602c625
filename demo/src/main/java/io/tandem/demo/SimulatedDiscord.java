package io.tandem.demo;

import io.tandem.app.Tandem;
import io.tandem.config.DatabaseConfig;
import io.tandem.config.DiscordConfig;
import io.tandem.config.HttpConfig;
import io.tandem.config.SlackConfig;
import io.tandem.config.TandemConfig;
import io.tandem.simulator.discord.DiscordMessage;
import io.tandem.simulator.discord.DiscordModal;
import io.tandem.simulator.discord.DiscordSimulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The local Discord server, driven through its gateway and REST API. */
final class SimulatedDiscord extends SimulatedChat {
  private final DiscordSimulator simulator = DiscordSimulator.start();
  private boolean trackDepartures;

  DiscordSimulator simulator() {
    return simulator;
  }

  @Override
  String title() {
    return "Tandem demo: a local Discord server on 127.0.0.1, gateway and REST, real JDA";
  }

  @Override
  String describe() {
    return "the local Discord at " + simulator.restUrl();
  }

  @Override
  TandemConfig config(String databaseUrl) {
    return new TandemConfig(
        new DatabaseConfig(databaseUrl, null, null, DatabaseConfig.DEFAULT_POOL_SIZE),
        SlackConfig.notConfigured(),
        new DiscordConfig(
            simulator.botToken(),
            simulator.applicationId(),
            List.of(simulator.guildId()),
            simulator.restUrl(),
            simulator.gatewayUrl(),
            simulator.adminRoleName(),
            io.tandem.config.DiscordRateLimits.defaults(),
            trackDepartures),
        new HttpConfig(HttpConfig.DEFAULT_BIND_ADDRESS, 0));
  }

  @Override
  void connect(Tandem tandem) {}

  @Override
  Kind kind() {
    return Kind.DISCORD;
  }

  @Override
  Answer runCommand(String person, String command) {
    return answer(
        simulator.user(person).runs(typed(command).orElseThrow()).awaitReply(REPLY_TIMEOUT));
  }

  @Override
  void makeAdmin(String person) {
    people.add(person);
    simulator.user(person).admin();
    // as README's "Connect a Discord server" tells the server's admin to do once
    simulator.allowCommand("tandem-admin", simulator.adminRoleId());
  }

  @Override
  void offerAdminCommands(String person) {
    people.add(person);
    simulator.allowCommand("tandem-admin", simulator.user(person).id());
  }

  @Override
  void leave(String person) {
    simulator.user(person).leavesServer();
  }

  @Override
  SimulatedChat trackingDepartures() {
    trackDepartures = true;
    return this;
  }

  @Override
  List<Delivered> delivered() {
    Map<String, String> personByDm = new HashMap<>();
    for (String person : people) {
      simulator
          .dmChannelId(simulator.user(person))
          .ifPresent(channel -> personByDm.put(channel, person));
    }
    return simulator.channelMessages().stream()
        .map(
            m ->
                new Delivered(
                    Optional.ofNullable(personByDm.get(m.channelId())).stream().toList(),
                    m.render(),
                    m.buttons().stream().map(SimulatedDiscord::button).toList()))
        .toList();
  }

  @Override
  List<String> answeredTwice() {
    return simulator.calls("POST", "interactions/{id}/{token}/callback").stream()
        .filter(c -> c.status() >= 300)
        .map(c -> "refused second response " + c.path() + " (" + c.status() + ")")
        .toList();
  }

  private static Button button(DiscordMessage.Button button) {
    String id = button.customId();
    int colon = id.indexOf(':');
    return colon < 0
        ? new Button(button.label(), id, "")
        : new Button(button.label(), id.substring(0, colon), id.substring(colon + 1));
  }

  @Override
  String mention(String person) {
    return simulator.user(person).id();
  }

  @Override
  String awaitMessageWithAll(String person, String... texts) {
    return simulator
        .awaitDirectMessage(
            simulator.user(person), m -> containsAll(m.render(), texts), REPLY_TIMEOUT)
        .render();
  }

  @Override
  Answer click(String person, String actionId, String value) {
    return answer(simulator.user(person).clicks(actionId + ":" + value).awaitReply(REPLY_TIMEOUT));
  }

  @Override
  Answer clickForForm(String person, String actionId, String value) {
    // the button itself opens the form: fill() clicks it and fills in the modal that opens
    return new Answer("", true, actionId + ":" + value);
  }

  @Override
  List<File> awaitFilesTo(String person, String text) {
    DiscordMessage message =
        simulator.awaitDirectMessage(
            simulator.user(person),
            m -> m.render().contains(text) && !m.attachmentNames().isEmpty(),
            REPLY_TIMEOUT);
    return simulator.attachments(message).stream()
        .map(a -> new File(a.filename(), a.bytes()))
        .toList();
  }

  @Override
  List<File> files() {
    return simulator.channelMessages().stream()
        .flatMap(m -> simulator.attachments(m).stream())
        .map(a -> new File(a.filename(), a.bytes()))
        .toList();
  }

  @Override
  Answer fill(String person, Answer withForm, Map<String, String> values) {
    DiscordModal modal = simulator.user(person).clicks(withForm.form()).awaitModal(REPLY_TIMEOUT);
    return answer(
        simulator.user(person).submits(modal.customId(), values).awaitReply(REPLY_TIMEOUT));
  }

  /** A form that could not open at once sits behind its "open the form" button. */
  private static Answer answer(DiscordMessage reply) {
    String formButton =
        reply.buttons().stream()
            .map(DiscordMessage.Button::customId)
            .filter(id -> id.startsWith(FORM_BUTTON_PREFIX))
            .findFirst()
            .orElse(null);
    return new Answer(reply.render(), reply.ephemeral(), formButton);
  }

  @Override
  public void close() {
    simulator.close();
  }
}
