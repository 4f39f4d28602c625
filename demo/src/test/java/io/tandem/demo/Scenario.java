package io.tandem.demo;

import io.tandem.app.Tandem;
import java.nio.file.Path;
import java.time.Clock;

/**
 * One scenario's world: a simulated platform and Tandem on a fresh SQLite file in {@code dir}, with
 * the given platform admins. Closing it stops both and checks that no request was answered twice.
 */
final class Scenario implements AutoCloseable {

  final SimulatedChat chat;
  final Tandem tandem;

  private Scenario(SimulatedChat chat, Tandem tandem) {
    this.chat = chat;
    this.tandem = tandem;
  }

  static Scenario start(SimulatedChat.Kind kind, Path dir, String... admins) throws Exception {
    SimulatedChat chat = SimulatedChat.start(kind);
    for (String admin : admins) {
      chat.makeAdmin(admin);
    }
    Tandem tandem =
        Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), Clock.systemUTC());
    chat.connect(tandem);
    return new Scenario(chat, tandem);
  }

  @Override
  public void close() throws Exception {
    Pilots.stop(tandem, chat);
  }
}
