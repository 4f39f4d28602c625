package io.tandem.core.surveys.persistence;

import io.tandem.core.store.Store;
import io.tandem.core.surveys.SurveyAnswers;
import io.tandem.core.surveys.SurveyNamedAnswer;
import io.tandem.core.surveys.SurveyTally;
import io.tandem.core.surveys.SurveyText;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@link SurveyAnswers} in JPQL. Counting is one update ({@code responses + 1}), so concurrent
 * answers on PostgreSQL never lose a count. Rows are written when they are added (flushed at once)
 * and a text is replaced in place, so the table's physical order is the one the caller chose.
 */
public final class JpaSurveyAnswers implements SurveyAnswers {

  private final Store store;
  private final EntityManager em;

  public JpaSurveyAnswers(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    this.em = store.entityManager();
  }

  @Override
  public void addTally(SurveyTally tally) {
    store.add(tally);
    store.flush();
  }

  @Override
  public void count(long runId, int question, int answer) {
    int bumped =
        em.createQuery(
                "UPDATE SurveyTally t SET t.responses = t.responses + 1 WHERE t.runId = :runId"
                    + " AND t.question = :question AND t.answer = :answer")
            .setParameter("runId", runId)
            .setParameter("question", question)
            .setParameter("answer", answer)
            .executeUpdate();
    if (bumped == 0) {
      store.add(new SurveyTally(runId, question, answer, 1));
      store.flush();
    }
  }

  @Override
  public SortedMap<Integer, Long> tally(long runId, int question) {
    List<SurveyTally> rows =
        em.createQuery(
                "SELECT t FROM SurveyTally t WHERE t.runId = :runId AND t.question = :question",
                SurveyTally.class)
            .setParameter("runId", runId)
            .setParameter("question", question)
            .getResultList();
    SortedMap<Integer, Long> tally = new TreeMap<>();
    for (SurveyTally row : rows) {
      tally.put(row.answer(), (long) row.responses());
    }
    return tally;
  }

  @Override
  public List<String> texts(long runId, int question) {
    List<String> texts =
        new ArrayList<>(
            em.createQuery(
                    "SELECT t.text FROM SurveyText t WHERE t.runId = :runId"
                        + " AND t.question = :question",
                    String.class)
                .setParameter("runId", runId)
                .setParameter("question", question)
                .getResultList());
    texts.sort(null);
    return texts;
  }

  @Override
  public long textCount(long runId, int question) {
    return em.createQuery(
            "SELECT COUNT(t) FROM SurveyText t WHERE t.runId = :runId AND t.question = :question",
            Long.class)
        .setParameter("runId", runId)
        .setParameter("question", question)
        .getSingleResult();
  }

  @Override
  public SurveyText textAt(long runId, int question, long index) {
    return em.createQuery(
            "SELECT t FROM SurveyText t WHERE t.runId = :runId AND t.question = :question",
            SurveyText.class)
        .setParameter("runId", runId)
        .setParameter("question", question)
        .setFirstResult(Math.toIntExact(index))
        .setMaxResults(1)
        .getSingleResult();
  }

  @Override
  public void retext(long id, String text) {
    em.createQuery("UPDATE SurveyText t SET t.text = :text WHERE t.id = :id")
        .setParameter("text", text)
        .setParameter("id", id)
        .executeUpdate();
  }

  @Override
  public void addText(SurveyText text) {
    store.add(text);
    store.flush();
  }

  @Override
  public void addNamed(SurveyNamedAnswer answer) {
    store.add(answer);
  }
}
