package io.tandem.core.store;

import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends EclipseLink's log to SLF4J (loggers {@code org.eclipse.persistence.<category>}) instead of
 * standard output. EclipseLink 5 ships no SLF4J bridge; it is named in {@code persistence.xml} as
 * {@code eclipselink.logging.logger}. The {@code eclipselink.logging.level} property still filters
 * first.
 */
public class Slf4jSessionLog extends AbstractSessionLog {

  @Override
  public void log(SessionLogEntry entry) {
    if (!shouldLog(entry.getLevel(), entry.getNameSpace())) {
      return;
    }
    String category = entry.getNameSpace() == null ? "default" : entry.getNameSpace();
    Logger logger = LoggerFactory.getLogger("org.eclipse.persistence." + category);
    Throwable failure = entry.getException();
    String message =
        entry.getMessage() != null
            ? formatMessage(entry)
            : failure != null ? failure.toString() : "";
    int level = entry.getLevel();
    if (level >= SessionLog.SEVERE) {
      logger.error(message, failure);
    } else if (level >= SessionLog.WARNING) {
      logger.warn(message, failure);
    } else if (level >= SessionLog.INFO) {
      logger.info(message, failure);
    } else if (level >= SessionLog.FINE) {
      logger.debug(message, failure);
    } else {
      logger.trace(message, failure);
    }
  }
}
