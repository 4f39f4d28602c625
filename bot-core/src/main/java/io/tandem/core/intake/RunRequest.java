package io.tandem.core.intake;

import io.tandem.core.kernel.AlreadyDone;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.HandleInteractionUseCase;
import io.tandem.core.port.in.HandleMembershipUseCase;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.AnswerPort;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a stored request to the use case its kind names, on an intake worker. A use case that fails
 * is logged and answered with {@link Intake#FAILURE}, so the request still ends.
 */
final class RunRequest {

  private static final Logger LOG = LoggerFactory.getLogger(RunRequest.class);

  private final HandleCommandUseCase commands;
  private final HandleInteractionUseCase interactions;
  private final HandleMembershipUseCase membership;
  private final Function<InboundRequest, AnswerPort> ports;

  RunRequest(
      HandleCommandUseCase commands,
      HandleInteractionUseCase interactions,
      HandleMembershipUseCase membership,
      Function<InboundRequest, AnswerPort> ports) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.interactions = Objects.requireNonNull(interactions, "interactions");
    this.membership = Objects.requireNonNull(membership, "membership");
    this.ports = ports;
  }

  /** The request's answer, or null when its kind has none. */
  Reply invoke(InboundRequest request) {
    try {
      return invokeOrThrow(request);
    } catch (AlreadyDone e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.error("The core failed on request {}", request.deliveryKey(), e);
      return request.kind().answered() ? Reply.info(Intake.FAILURE, List.of()) : null;
    }
  }

  /** {@link #invoke}, but a use case that fails throws. */
  Reply invokeOrThrow(InboundRequest request) {
    switch (request.kind()) {
      case MEMBER_LEFT:
        membership.memberLeft(request.platform(), request.workspaceId(), request.userId());
        return null;
      case MEMBER_RETURNED:
        membership.memberReturned(request.platform(), request.workspaceId(), request.userId());
        return null;
      default:
        return fromPerson(request, ports.apply(request).actor(request));
    }
  }

  private Reply fromPerson(InboundRequest request, Actor actor) {
    switch (request.kind()) {
      case COMMAND:
        return commands.handle(
            new Invocation(actor, request.channelId(), request.name(), request.mentions()));
      case CLICK:
        return interactions.clicked(
            actor, request.channelId(), request.name(), request.value(), request.mentions());
      case FORM:
        return interactions.submitted(actor, request.channelId(), request.name(), request.values());
      case FORM_CLOSED:
        interactions.formClosed(actor, request.name());
        return null;
      case HOME_OPENED:
        interactions.homeOpened(actor);
        return null;
      default:
        throw new IllegalStateException("unknown kind " + request.kind());
    }
  }
}
