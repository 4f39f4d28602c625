package io.tandem.core.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.command.Command;
import io.tandem.core.kernel.Progress;
import io.tandem.core.matching.DryRunMatch;
import io.tandem.core.matching.model.MatchedPair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.ChangeProgram;
import io.tandem.core.programs.CreateProgram;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import io.tandem.core.store.StoreStats;
import io.tandem.core.store.TestDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem import participants}: all or nothing, with the form's own validation. */
@DisplayName("Importing participants from CSV")
class ImportParticipantsTest {

  static final Instant NOW = Instant.parse("2025-03-04T09:15:30Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Actor ADMIN = new Actor(Platform.SLACK, "T_ACME", "U_MAYA", "Maya", "UTC", true);
  static final ProgramLookup.Target PILOT = new ProgramLookup.Target(null, null, "Data pilot");

  static final String HEADER =
      "user_id,name,role,department,band,manager,communication,timezone,teach,learn,availability,"
          + "capacity";

  @TempDir Path dir;

  TestDatabase testDatabase;
  Database db;
  ImportParticipants importer;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    db = testDatabase.open(CLOCK);
    importer = new ImportParticipants(db, CLOCK);
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  /** Creates and opens a program as an admin does in chat. */
  void program(String name, Integer cap) {
    Reply created =
        new CreateProgram(db, CLOCK)
            .create(
                ADMIN,
                new Command.CreateProgram(
                    name, 14, 26, cap, 1, 365, List.of("Instagram reels", "SQL"), ""));
    assertThat(created.kind()).isEqualTo(Reply.Kind.SUCCESS);
    new ChangeProgram(db, CLOCK)
        .change(ADMIN, new Command.ChangeProgram(Command.ProgramAction.OPEN, name));
  }

  ImportParticipants.Outcome importText(String text) throws IOException {
    return importer.importCsv("people.csv", new StringReader(text), PILOT, Progress.NONE);
  }

  static String csv(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  static String mentor(String id, String name, int band) {
    return id
        + ","
        + name
        + ",mentor,Engineering,"
        + band
        + ",,chat,Europe/Berlin,"
        + "\"AI tools, Figma\",Negotiation 2,Tue 9-12,1";
  }

  static String mentee(String id, String name, int band) {
    return id
        + ","
        + name
        + ",mentee,Finance,"
        + band
        + ",,call,Europe/London,"
        + "Budgeting,\"AI tools 1; Figma 2\",Tue 9-12,";
  }

  Map<String, Long> counts() {
    return StoreStats.counts(db);
  }

  <T> T read(java.util.function.Function<Store, T> query) {
    return db.inTransaction(em -> query.apply(new Store(em)));
  }

  @Test
  @DisplayName("a spreadsheet's file (BOM, CRLF, quoted commas and quotes) enrols everyone fully")
  void goodFile() throws Exception {
    // GIVEN an open program and a file as Excel saves it: BOM, CRLF, quoted cells, headers in
    // another order and case
    program("Data pilot", null);
    String text =
        "\uFEFFName,User_ID,Role,Department,Band,Manager,Communication,Timezone,Teach,Learn,"
            + "Availability,Capacity\r\n"
            + "\"Lima, Ana\",U_ANA,mentor,Marketing,1,,call,Europe/Berlin,"
            + "\"Instagram reels, TikTok\",Public speaking 2,\"Tue 14-17; Thu 9-12\",2\r\n"
            + "\"Ben \"\"the boss\"\" Okafor\",U_BEN,Mentee,Finance,5,U_MAYA,call,Europe/London,"
            + "Budgeting; Leadership,\"Instagram reels 1, TikTok 2\",Tue 13-16,\r\n";

    // WHEN it is imported
    ImportParticipants.Outcome outcome = importText(text);

    // THEN both are enrolled, with complete profiles exactly as the form would store them
    assertThat(outcome.problems()).isEmpty();
    assertThat(outcome.summary().enrolled()).isEqualTo(2);
    assertThat(outcome.summary().waitlisted()).isZero();
    assertThat(outcome.summary().alreadyThere()).isZero();
    List<String> stored =
        read(
            store -> {
              List<String> rows = new ArrayList<>();
              for (Member m :
                  Members.in(store)
                      .inWorkspace(
                          Workspaces.in(store).find(Platform.SLACK, "T_ACME").get().getId())) {
                for (Participant p : Participants.in(store).ofMember(m.getId())) {
                  Profile profile = p.profile().orElseThrow();
                  rows.add(
                      String.join(
                          "|",
                          m.getUserId(),
                          m.getDisplayName(),
                          p.getRole().label(),
                          p.getStatus().name(),
                          p.getDepartment(),
                          Integer.toString(profile.seniorityBand()),
                          String.valueOf(profile.manager()),
                          p.getCommunication().label(),
                          p.getTimeZone(),
                          p.getCanTeach(),
                          p.getWantsToLearn(),
                          p.getAvailability(),
                          Integer.toString(profile.capacity())));
                }
              }
              rows.sort(null);
              return rows;
            });
    assertThat(stored)
        .containsExactly(
            "U_ANA|Lima, Ana|mentor|ACTIVE|Marketing|1|null|call|Europe/Berlin"
                + "|Instagram reels, TikTok|Public speaking 2|Tue 14-17, Thu 9-12|2",
            "U_BEN|Ben \"the boss\" Okafor|mentee|ACTIVE|Finance|5|U_MAYA|call|Europe/London"
                + "|Budgeting, Leadership|Instagram reels 1, TikTok 2|Tue 13-16|1");

    // AND the same signals and welcome DM as the form path
    assertThat(counts())
        .containsEntry("member", 2L)
        .containsEntry("participant", 2L)
        .containsEntry("outbox_message", 2L)
        .containsEntry("signal", 2L + 2 * 2);
    assertThat(signalTypes())
        .containsExactly(
            "PROGRAM_CREATED",
            "PROGRAM_CHANGED",
            "PARTICIPANT_JOINED",
            "PROFILE_COMPLETED",
            "PARTICIPANT_JOINED",
            "PROFILE_COMPLETED");

    // AND matching sees them: the one mentor and the one mentee who fit are paired
    DryRunMatch.Result run = new DryRunMatch(db, CLOCK).dryRun(PILOT, Progress.NONE);
    assertThat(run.mentors()).isEqualTo(1);
    assertThat(run.mentees()).isEqualTo(1);
    assertThat(run.result().pairs()).hasSize(1);
    MatchedPair pair = run.result().pairs().get(0);
    assertThat(pair.mentor().id()).isEqualTo("U_ANA");
    assertThat(pair.mentee().id()).isEqualTo("U_BEN");
    assertThat(pair.reasons()).anyMatch(r -> r.contains("Instagram reels"));
  }

  @Test
  @DisplayName("the welcome DM is the form path's, keyed by the new participant")
  void welcomeDm() throws Exception {
    program("Data pilot", null);

    importText(csv(HEADER, mentee("U_BEN", "Ben", 5)));

    List<String> outbox =
        read(
            store ->
                store
                    .entityManager()
                    .createQuery(
                        "SELECT o FROM OutboxMessage o",
                        io.tandem.core.delivery.OutboxMessage.class)
                    .getResultList()
                    .stream()
                    .map(o -> o.getDedupKey() + "|" + o.getRecipientUserId() + "|" + o.getPayload())
                    .toList());
    long participantId =
        read(store ->
                Participants.in(store)
                    .inProgram(
                        Programs.in(store).named(workspaceId(store), "Data pilot").get().getId()))
            .get(0)
            .getId();
    assertThat(outbox).hasSize(1);
    assertThat(outbox.get(0))
        .startsWith("welcome:" + participantId + "|U_BEN|")
        .contains("Hi Ben, welcome to *Data pilot*! You joined as a mentee.");
  }

  static long workspaceId(Store store) {
    return Workspaces.in(store).find(Platform.SLACK, "T_ACME").orElseThrow().getId();
  }

  @Test
  @DisplayName("one bad row in the middle stores nothing and names its row and column")
  void oneBadRowStoresNothing() throws Exception {
    // GIVEN an open program and a file whose fourth row has an impossible time
    program("Data pilot", null);
    Map<String, Long> before = counts();
    String text =
        csv(
            HEADER,
            mentor("U_A", "Ana", 1),
            mentor("U_D", "Dev", 2),
            mentee("U_B", "Ben", 5).replace("Tue 9-12", "Tue 25-26"),
            mentee("U_C", "Chioma", 4));

    // WHEN it is imported
    ImportParticipants.Outcome outcome = importText(text);

    // THEN nothing is stored, and the problem names the row (header = row 1) and column
    assertThat(outcome.imported()).isFalse();
    assertThat(outcome.problemCount()).isEqualTo(1);
    assertThat(outcome.problems())
        .containsExactly(
            "people.csv: row 4, column 11 (availability): `Tue 25-26`: hours run from 0 to 24,"
                + " the first before the second. — e.g. Tue 14-16; Thu 9-11");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  @DisplayName("every problem is listed, several in one row and across rows, in file order")
  void allProblemsListed() throws Exception {
    program("Data pilot", null);
    String text =
        csv(
            HEADER,
            // band, communication and time zone wrong, and a mentor teaching nothing
            "U_A,Ana,mentor,Marketing,9,,pigeon,Mars/Base,,,Tue 9-12,1",
            mentee("U_B", "Ben", 5),
            // no name, a role nobody knows
            "U_C,,boss,Finance,5,,call,UTC,,SQL 1,Tue 9-12,",
            // a mentor's capacity out of range and a skill without a level to learn
            "U_D,Dev,mentor,Ops,1,,chat,UTC,SQL,Budgeting,Mon 9-10,7");

    ImportParticipants.Outcome outcome = importText(text);

    assertThat(outcome.imported()).isFalse();
    assertThat(outcome.problems())
        .containsExactly(
            "people.csv: row 2, column 5 (band): `9` is not a band; use a number from 1 (entry) to"
                + " 6 (executive). — e.g. 2",
            "people.csv: row 2, column 7 (communication): `pigeon` is not chat, call or in"
                + " person. — e.g. call",
            "people.csv: row 2, column 8 (timezone): `Mars/Base` is not a time zone; use a name"
                + " like Europe/Berlin.",
            "people.csv: row 2, column 9 (teach): As a mentor, list at least one skill you can"
                + " teach. — e.g. Instagram reels; SQL",
            "people.csv: row 4, column 2 (name): empty; give the name people know the person by"
                + " — e.g. Ana Lima",
            "people.csv: row 4, column 3 (role): `boss` is not mentor or mentee (the mentor is the"
                + " junior person who teaches) — e.g. mentor",
            "people.csv: row 5, column 10 (learn): Give each skill a level from 1 (new to it) to 5"
                + " (expert): `Budgeting` has none. — e.g. Leadership 2; Budgeting 1",
            "people.csv: row 5, column 12 (capacity): `7` is not 1, 2 or 3 mentees. — e.g. 1");
    assertThat(outcome.problemCount()).isEqualTo(8);
    assertThat(counts()).containsEntry("participant", 0L).containsEntry("member", 0L);
  }

  @Test
  @DisplayName("a user id twice in one file is rejected at its second row")
  void duplicates() throws Exception {
    program("Data pilot", null);

    ImportParticipants.Outcome outcome =
        importText(
            csv(HEADER, mentor("U_A", "Ana", 1), mentee("U_B", "Ben", 5), mentee("U_A", "Ana", 5)));

    assertThat(outcome.problems())
        .containsExactly(
            "people.csv: row 4, column 1 (user_id): U_A is on row 2 already; each person may"
                + " appear once — e.g. U024BE7LH");
    assertThat(counts()).containsEntry("participant", 0L);
  }

  @Test
  @DisplayName("an unknown column gets a suggestion, and a missing required column is named")
  void header() throws Exception {
    program("Data pilot", null);
    String header =
        HEADER
            .replace("timezone", "time zone")
            .replace("communication,", "")
            .replace("name", "Nmae");

    ImportParticipants.Outcome outcome = importText(csv(header, "U_A,Ana,mentor"));

    assertThat(outcome.problems())
        .containsExactly(
            "people.csv: row 1, column 2 (Nmae): unknown column; did you mean name?",
            "people.csv: row 1, column 7 (time zone): unknown column; did you mean timezone?",
            "people.csv: the header has no name column, which every file needs (required:"
                + " user_id, name, role, department, band, communication, timezone, availability)",
            "people.csv: the header has no communication column, which every file needs"
                + " (required: user_id, name, role, department, band, communication, timezone,"
                + " availability)",
            "people.csv: the header has no timezone column, which every file needs (required:"
                + " user_id, name, role, department, band, communication, timezone, availability)");
    assertThat(importText(csv("user_id,e-mail", "U_A,a@b.c")).problems())
        .contains(
            "people.csv: row 1, column 2 (e-mail): unknown column; the columns are user_id, name,"
                + " role, department, band, manager, communication, timezone, teach, learn,"
                + " availability, capacity, career_start");
  }

  @Test
  @DisplayName("on a Discord server, the hint to open the program is written as Discord takes it")
  void discordHint() throws Exception {
    Actor discordAdmin =
        new Actor(
            Platform.DISCORD, "111111111111111111", "222222222222222222", "Maya", "UTC", true);
    new CreateProgram(db, CLOCK)
        .create(
            discordAdmin,
            new Command.CreateProgram("Draft one", 14, 26, null, 1, 365, List.of(), ""));

    ImportParticipants.Outcome draft =
        importer.importCsv(
            "people.csv",
            new StringReader(csv(HEADER, mentor("333333333333333333", "Ana", 1))),
            new ProgramLookup.Target(Platform.DISCORD, "111111111111111111", "Draft one"),
            Progress.NONE);

    assertThat(draft.problems())
        .containsExactly(
            "people.csv: \"Draft one\" is draft, so it takes no participants; open it first with"
                + " /tandem-admin program open name:Draft one");
  }

  @Test
  @DisplayName("an unknown program, or one not taking people, rejects the file")
  void program() throws Exception {
    ImportParticipants.Outcome none = importText(csv(HEADER, mentor("U_A", "Ana", 1)));
    assertThat(none.problems())
        .containsExactly(
            "people.csv: there is no workspace here; the database has no workspace yet. Start"
                + " Tandem first (tandem run) and create and open the program in chat (/tandem"
                + " program create NAME, then /tandem program open NAME): Tandem adds the"
                + " workspace then");

    program("Data pilot", null);
    new CreateProgram(db, CLOCK)
        .create(ADMIN, new Command.CreateProgram("Draft one", 14, 26, null, 1, 365, List.of(), ""));
    ImportParticipants.Outcome draft =
        importer.importCsv(
            "people.csv",
            new StringReader(csv(HEADER, mentor("U_A", "Ana", 1))),
            new ProgramLookup.Target(null, null, "draft ONE"),
            Progress.NONE);
    assertThat(draft.problems())
        .containsExactly(
            "people.csv: \"Draft one\" is draft, so it takes no participants; open it first with"
                + " /tandem program open Draft one");

    ImportParticipants.Outcome unknown =
        importer.importCsv(
            "people.csv",
            new StringReader(csv(HEADER, mentor("U_A", "Ana", 1))),
            new ProgramLookup.Target(Platform.SLACK, "T_ACME", "Nope"),
            Progress.NONE);
    assertThat(unknown.problems())
        .containsExactly(
            "people.csv: there is no program called \"Nope\" in slack workspace T_ACME; its"
                + " programs are: \"Data pilot\", \"Draft one\"");
    assertThat(counts()).containsEntry("participant", 0L);
  }

  @Test
  @DisplayName("beyond the pilot cap people are waitlisted in file order")
  void pilotCap() throws Exception {
    program("Data pilot", 2);

    ImportParticipants.Outcome outcome =
        importText(
            csv(
                HEADER,
                mentor("U_1", "One", 1),
                mentee("U_2", "Two", 5),
                mentee("U_3", "Three", 5),
                mentor("U_4", "Four", 1)));

    assertThat(outcome.summary().enrolled()).isEqualTo(2);
    assertThat(outcome.summary().waitlisted()).isEqualTo(2);
    assertThat(outcome.summary().waitlistedNames())
        .containsExactly("Three (U_3, row 4)", "Four (U_4, row 5)");
    List<String> order =
        read(
            store -> {
              List<String> rows = new ArrayList<>();
              long programId =
                  Programs.in(store).named(workspaceId(store), "Data pilot").get().getId();
              for (Participant p : Participants.in(store).inProgram(programId)) {
                rows.add(
                    Members.in(store).byId(p.getMemberId()).get().getUserId()
                        + " "
                        + p.getStatus());
              }
              return rows;
            });
    assertThat(order)
        .containsExactly("U_1 ACTIVE", "U_2 ACTIVE", "U_3 WAITLISTED", "U_4 WAITLISTED");
    assertThat(signalTypes()).filteredOn("WAITLISTED"::equals).hasSize(2);
  }

  @Test
  @DisplayName("importing the same file again reports everyone as already there and writes nothing")
  void reimport() throws Exception {
    program("Data pilot", null);
    String text = csv(HEADER, mentor("U_A", "Ana", 1), mentee("U_B", "Ben", 5));
    importText(text);
    Map<String, Long> before = counts();

    ImportParticipants.Outcome again = importText(text);

    assertThat(again.imported()).isTrue();
    assertThat(again.summary().enrolled()).isZero();
    assertThat(again.summary().alreadyThere()).isEqualTo(2);
    assertThat(again.summary().alreadyThereNames())
        .containsExactly(
            "Ana (U_A, row 2): already a mentor", "Ben (U_B, row 3): already a mentee");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  @DisplayName("someone the workspace knows is enrolled on their existing member")
  void existingMember() throws Exception {
    program("Data pilot", null);
    program("Second", null);
    importText(csv(HEADER, mentor("U_A", "Ana", 1)));

    ImportParticipants.Outcome second =
        importer.importCsv(
            "people.csv",
            new StringReader(csv(HEADER, mentor("U_A", "Ana", 1))),
            new ProgramLookup.Target(null, null, "Second"),
            Progress.NONE);

    assertThat(second.summary().enrolled()).isEqualTo(1);
    assertThat(counts()).containsEntry("member", 1L).containsEntry("participant", 2L);
  }

  @Test
  @DisplayName("malformed CSV is reported, not guessed")
  void malformedCsv() throws Exception {
    program("Data pilot", null);

    ImportParticipants.Outcome outcome =
        importText(
            csv(
                HEADER,
                mentor("U_A", "Ana", 1).replace("\"AI tools, Figma\"", "AI tools, Figma"),
                "U_B,\"Ben\" Okafor,mentee,Finance,5,,call,UTC,,SQL 1,Tue 9-12,",
                "U_C,Chioma,mentee,Finance,5,,call,UTC,,\"SQL 1,Tue 9-12,"));

    assertThat(outcome.problems())
        .containsExactly(
            "people.csv: row 2, column 13: the row has 13 cells but the header names 12 columns; a"
                + " cell that contains a comma must be in double quotes, e.g. \"Instagram, SQL\"",
            "people.csv: row 3, column 2: text after the closing quote; quote the whole cell and"
                + " double each \" inside it, e.g. \"say \"\"hi\"\"\"",
            "people.csv: row 4, column 10: a quoted cell is never closed: it runs to the end of"
                + " the file (each \" inside a quoted cell must be doubled, \"\")");
  }

  @Test
  @DisplayName("a file of many bad rows lists the first 50 problems and counts the rest")
  void problemCap() throws Exception {
    program("Data pilot", null);
    List<String> lines = new ArrayList<>(List.of(HEADER));
    for (int i = 0; i < 80; i++) {
      lines.add(mentee("U_" + i, "P" + i, 5).replace("Tue 9-12", "someday"));
    }

    ImportParticipants.Outcome outcome = importText(csv(lines.toArray(String[]::new)));

    assertThat(outcome.problemCount()).isEqualTo(80);
    assertThat(outcome.problems()).hasSize(ImportParticipants.PROBLEMS_SHOWN);
  }

  @Test
  @DisplayName("10 000 rows import in one transaction, with progress, and matching sees them all")
  void tenThousandRows() throws Exception {
    program("Data pilot", null);
    List<String> lines = new ArrayList<>(List.of(HEADER));
    for (int i = 0; i < 10_000; i++) {
      lines.add(
          i % 2 == 0
              ? mentor("U" + i, "Mentor " + i, 1 + i % 3)
              : mentee("U" + i, "Mentee " + i, 4 + i % 3));
    }
    String text = csv(lines.toArray(String[]::new));
    List<String> progress = new ArrayList<>();
    Progress recording =
        new Progress() {
          @Override
          public void rows(String stage, long done, long total) {
            if (done % 1000 == 0) {
              progress.add(stage + " " + done + "/" + total);
            }
          }

          @Override
          public void stage(String text, long size) {
            progress.add(text);
          }
        };

    long start = System.nanoTime();
    ImportParticipants.Outcome outcome =
        importer.importCsv("people.csv", new StringReader(text), PILOT, recording);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("Imported 10 000 rows on SQLite in " + millis + " ms");

    assertThat(outcome.problems()).isEmpty();
    assertThat(outcome.summary().enrolled()).isEqualTo(10_000);
    assertThat(counts())
        .containsEntry("participant", 10_000L)
        .containsEntry("member", 10_000L)
        .containsEntry("outbox_message", 10_000L)
        .containsEntry("signal", 2L + 20_000);
    assertThat(progress)
        .contains("validated 1000/10000", "validated 10000/10000", "stored 10000/10000");
    long inPool =
        read(
            store ->
                Participants.in(store)
                    .count(
                        Programs.in(store).named(workspaceId(store), "Data pilot").get().getId(),
                        ParticipantStatus.ACTIVE));
    assertThat(inPool).isEqualTo(10_000);
  }

  @Test
  @DisplayName("a dry run writes nothing and names an unknown program")
  void dryRunWritesNothing() throws Exception {
    program("Data pilot", null);
    importText(csv(HEADER, mentor("U_A", "Ana", 1), mentee("U_B", "Ben", 5)));
    Map<String, Long> before = counts();

    DryRunMatch.Result run = new DryRunMatch(db, CLOCK).dryRun(PILOT, Progress.NONE);

    assertThat(run.result().pairs()).hasSize(1);
    assertThat(counts()).isEqualTo(before);
    assertThatThrownBy(
            () ->
                new DryRunMatch(db, CLOCK)
                    .dryRun(new ProgramLookup.Target(null, null, "Nope"), Progress.NONE))
        .isInstanceOf(ProgramLookup.NotFound.class)
        .hasMessageContaining("no program called \"Nope\"");
  }

  @Test
  @DisplayName("the CSV reader: quotes, doubled quotes, line breaks in cells, CR, blank lines")
  void csvReader() throws Exception {
    CsvReader reader =
        new CsvReader(new StringReader("a,\"b, \"\"c\"\"\nd\"\r\n\r\n,,\n x , \"y\" \re,f"));

    List<CsvReader.Row> rows = new ArrayList<>();
    for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
      rows.add(row);
    }

    assertThat(rows)
        .containsExactly(
            new CsvReader.Row(1, List.of("a", "b, \"c\"\nd")),
            new CsvReader.Row(4, List.of(" x ", "y")),
            new CsvReader.Row(5, List.of("e", "f")));
    assertThat(reader.problems()).isEmpty();
  }

  List<String> signalTypes() {
    return read(
        store ->
            store
                .entityManager()
                .createQuery("SELECT s.type FROM Signal s ORDER BY s.id", Object.class)
                .getResultList()
                .stream()
                .map(Object::toString)
                .toList());
  }
}
