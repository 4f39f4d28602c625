package io.tandem.slack;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.HandleInteractionUseCase;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Reply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the core in adapter tests: records what reached it (commands as typed, {@code click
 * ACTION}, {@code form FORM}) and answers "ok".
 */
final class RecordingCore implements HandleCommandUseCase, HandleInteractionUseCase {

  final List<String> reached = new CopyOnWriteArrayList<>();

  @Override
  public Reply handle(Invocation invocation) {
    reached.add(invocation.text());
    return Reply.info("ok", List.of());
  }

  @Override
  public Reply clicked(Actor actor, String channelId, String actionId, String value) {
    reached.add("click " + actionId);
    return Reply.info("ok", List.of());
  }

  @Override
  public Reply submitted(Actor actor, String channelId, String formId, Map<String, String> values) {
    reached.add("form " + formId);
    return Reply.info("ok", List.of());
  }
}
