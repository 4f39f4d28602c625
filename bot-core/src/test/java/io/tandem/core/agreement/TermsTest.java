package io.tandem.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Working agreement terms: comparing and settling")
class TermsTest {

  @Test
  @DisplayName("the same answers differ on nothing; each differing term is named once, in order")
  void differences() {
    Terms ana = new Terms("call", 7);

    assertThat(ana.differences(new Terms("call", 7))).isEmpty();
    assertThat(ana.differences(new Terms("chat", 7))).containsExactly(Terms.Term.MEET);
    assertThat(ana.differences(new Terms("call", 14))).containsExactly(Terms.Term.OFTEN);
    assertThat(ana.differences(new Terms("in person", 30)))
        .containsExactly(Terms.Term.MEET, Terms.Term.OFTEN);
  }

  @Test
  @DisplayName("picking the other's side of each differing term settles it")
  void settling() {
    Terms ana = new Terms("call", 7);
    Terms ben = new Terms("chat", 14);

    Terms picked = ana;
    for (Terms.Term term : ana.differences(ben)) {
      picked = picked.with(term, ben.value(term));
    }

    assertThat(picked).isEqualTo(ben);
    assertThat(picked.differences(ben)).isEmpty();
    assertThat(ana.with(Terms.Term.MEET, "chat").differences(ben))
        .containsExactly(Terms.Term.OFTEN);
  }

  @Test
  @DisplayName("people read the terms as words, side by side")
  void words() {
    assertThat(new Terms("call", 7).describe()).isEqualTo("call, weekly");
    assertThat(new Terms("chat", 14).describe()).isEqualTo("chat, every two weeks");
    assertThat(new Terms("in person", 30).sentence()).isEqualTo("in person, monthly");
    assertThat(new Terms("call", 14).sentence()).isEqualTo("by call, every two weeks");
  }

  @Test
  @DisplayName("the suggested rhythm is the choice nearest the program's cadence")
  void suggested() {
    assertThat(Terms.nearestOften(7)).isEqualTo(7);
    assertThat(Terms.nearestOften(10)).isEqualTo(7);
    assertThat(Terms.nearestOften(14)).isEqualTo(14);
    assertThat(Terms.nearestOften(21)).isEqualTo(14);
    assertThat(Terms.nearestOften(28)).isEqualTo(30);
    assertThat(Terms.nearestOften(90)).isEqualTo(30);
  }

  @Test
  @DisplayName("a term nobody can choose is refused")
  void refused() {
    assertThatThrownBy(() -> new Terms("carrier pigeon", 7))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Terms("call", 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
