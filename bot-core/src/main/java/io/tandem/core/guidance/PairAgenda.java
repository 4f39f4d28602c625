package io.tandem.core.guidance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * The session agenda a pair's reminders last suggested ({@code pair_agenda}), and the occurrence it
 * was for: both people of the pair read the same agenda for one meeting, the next meeting another.
 */
@Entity(name = "PairAgenda")
@Table(name = "pair_agenda")
public class PairAgenda {

  @Id
  @Column(name = "pair_id", nullable = false)
  private Long pairId;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "agenda", nullable = false, length = 40)
  private String agenda;

  @Column(name = "occurrence", nullable = false, length = 10)
  private String occurrence;

  protected PairAgenda() {}

  PairAgenda(long workspaceId, long pairId, String agenda, String occurrence) {
    this.workspaceId = workspaceId;
    this.pairId = pairId;
    suggest(agenda, occurrence);
  }

  /** Records {@code agenda} as the one suggested for {@code occurrence} (a day, yyyy-MM-dd). */
  public void suggest(String newAgenda, String newOccurrence) {
    this.agenda = Objects.requireNonNull(newAgenda, "agenda");
    this.occurrence = Objects.requireNonNull(newOccurrence, "occurrence");
  }

  public long pairId() {
    return pairId;
  }

  public String agenda() {
    return agenda;
  }

  public String occurrence() {
    return occurrence;
  }
}
