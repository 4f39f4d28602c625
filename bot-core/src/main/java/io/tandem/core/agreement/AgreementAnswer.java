package io.tandem.core.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One person's answer to their pair's working agreement: the buttons they pressed so far, and, once
 * they confirmed that feedback goes both ways, when, with their optional note.
 */
@Entity(name = "AgreementAnswer")
@Table(name = "working_agreement_answer")
public class AgreementAnswer {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "working_agreement_answer_ids")
  @TableGenerator(
      name = "working_agreement_answer_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "working_agreement_answer",
      allocationSize = 50)
  private Long id;

  @Column(name = "pair_id", nullable = false)
  private Long pairId;

  @Column(name = "member_id", nullable = false)
  private Long memberId;

  @Column(name = "meet", length = 16)
  private String meet;

  @Column(name = "every_days")
  private Integer everyDays;

  @Column(name = "note", nullable = false)
  private String note;

  @Column(name = "answered_at")
  private Instant answeredAt;

  protected AgreementAnswer() {}

  public AgreementAnswer(long pairId, long memberId) {
    this.pairId = pairId;
    this.memberId = memberId;
    this.note = "";
  }

  void chooseMeet(String way) {
    meet = Objects.requireNonNull(way, "way");
  }

  void chooseOften(int days) {
    everyDays = days;
  }

  /** Confirms the answer: feedback both ways, how often defaulting to {@code defaultDays}. */
  void confirm(String note, int defaultDays, Instant at) {
    if (everyDays == null) {
      everyDays = defaultDays;
    }
    this.note = note == null ? "" : note.strip();
    answeredAt = at;
  }

  /** Takes one side of a difference: the term set as the settle button says. */
  void settle(Terms terms) {
    meet = terms.meet();
    everyDays = terms.everyDays();
  }

  /** Forgets the answer, for an agreement asked again. */
  void clear() {
    meet = null;
    everyDays = null;
    note = "";
    answeredAt = null;
  }

  /** The confirmed terms; empty until the person confirmed. */
  public Optional<Terms> terms() {
    return answeredAt == null || meet == null
        ? Optional.empty()
        : Optional.of(new Terms(meet, everyDays));
  }

  public Long getPairId() {
    return pairId;
  }

  public Long getMemberId() {
    return memberId;
  }

  public String getMeet() {
    return meet;
  }

  public Integer getEveryDays() {
    return everyDays;
  }

  public String getNote() {
    return note;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }
}
