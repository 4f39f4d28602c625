package io.tandem.core.privacy;

import com.google.gson.GsonBuilder;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.delivery.OutboxPayload;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.port.out.FileAttachment;
import io.tandem.core.privacy.persistence.PersonalDataRows.Person;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code my data}: everything Tandem holds about the actor in this workspace ({@link
 * PersonalData}), as a pretty-printed JSON file in a direct message through the outbox. Their own
 * private notes are in it: it is their data.
 */
public final class ExportMyData {

  /** Where the file's outbox messages are keyed: {@code mydata:{memberId}:{millis}}. */
  public static final String KEY_PREFIX = "mydata:";

  private final Database db;
  private final Clock clock;

  public ExportMyData(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply send(Actor actor) {
    return db.transaction(
        store -> {
          Optional<Workspace> workspace =
              Workspaces.in(store).find(actor.platform(), actor.workspaceId());
          Optional<Member> member =
              workspace.flatMap(w -> Members.in(store).find(w.getId(), actor.userId()));
          if (member.isEmpty()) {
            return Reply.info(
                "Tandem holds nothing about you here: you have not used it in this workspace.",
                List.of());
          }
          Instant now = clock.instant();
          String json = document(store, workspace.get(), member.get(), now);
          String fileName =
              "tandem-my-data-" + now.atOffset(ZoneOffset.UTC).toLocalDate() + ".json";
          ChatTarget dm = new ChatTarget.DirectMessage(actor.userId());
          Outbox.queue(
              store,
              workspace.get().getId(),
              actor.platform(),
              KEY_PREFIX + member.get().getId() + ":" + now.toEpochMilli(),
              dm,
              new OutboxPayload(
                  dm,
                  Reply.info(
                      "Here is everything Tandem holds about you, as JSON. Your private notes are"
                          + " in it, so keep the file to yourself.",
                      List.of()),
                  List.of(),
                  List.of(new FileAttachment(fileName, json))),
              now,
              now);
          return Reply.success(
              "Sending your data as a file in a direct message. To erase it, use `"
                  + Markup.command("forget me")
                  + "`.",
              List.of());
        });
  }

  /** The file: who and when, then one section per place Tandem keeps something about them. */
  static String document(Store store, Workspace workspace, Member member, Instant now) {
    store.flush();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("about", "Everything Tandem holds about you in this workspace");
    doc.put("generated_at", now.toString());
    doc.put("platform", workspace.getPlatform().name().toLowerCase(java.util.Locale.ROOT));
    doc.put("workspace", workspace.getExternalId());
    doc.put("user_id", member.getUserId());
    doc.putAll(PersonalRecords.in(store).export(person(member)));
    return new GsonBuilder()
        .setPrettyPrinting()
        .serializeNulls()
        .disableHtmlEscaping()
        .create()
        .toJson(doc);
  }

  static Person person(Member member) {
    return new Person(
        member.getWorkspaceId(),
        member.getId(),
        member.getUserId(),
        member.getDisplayName(),
        member.getEmail());
  }
}
