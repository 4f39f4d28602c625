package io.tandem.slack;

import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.IntakeUseCase;
import io.tandem.core.port.in.Reply;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the core's intake in adapter tests: records what reached it (commands as typed,
 * {@code click ACTION}, {@code form FORM}) and answers forms with "ok".
 */
final class RecordingCore implements IntakeUseCase {

  final List<String> reached = new CopyOnWriteArrayList<>();

  @Override
  public Acceptance accept(InboundRequest request) {
    reached.add(describe(request));
    return Acceptance.ACCEPTED;
  }

  @Override
  public Optional<Reply> answerNow(InboundRequest request) {
    reached.add(describe(request));
    return Optional.of(Reply.info("ok", List.of()));
  }

  @Override
  public Taken acceptOrAnswer(InboundRequest request, java.util.function.Predicate<Reply> fitsAck) {
    return new Taken(accept(request), Optional.empty());
  }

  @Override
  public boolean accepting() {
    return true;
  }

  private static String describe(InboundRequest request) {
    return switch (request.kind()) {
      case COMMAND -> request.name();
      case CLICK -> "click " + request.name();
      case FORM -> "form " + request.name();
      default -> request.kind().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
