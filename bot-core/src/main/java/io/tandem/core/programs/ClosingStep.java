package io.tandem.core.programs;

import java.time.Instant;

/**
 * Something another feature does when a program closes at the end of its length (the closing
 * survey, the admins' final report). {@link ProgramEndJob} calls it on a Quartz worker thread,
 * outside any transaction, after the program is closed; a crash may call it again for the same
 * program, so it must be idempotent (outbox keys from the program, not the clock).
 */
@FunctionalInterface
public interface ClosingStep {

  void programClosed(long programId, Instant at) throws Exception;
}
