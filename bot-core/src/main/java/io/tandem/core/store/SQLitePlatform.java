package io.tandem.core.store;

import java.io.Serial;
import org.eclipse.persistence.expressions.ExpressionOperator;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.internal.expressions.ExpressionSQLPrinter;
import org.eclipse.persistence.internal.expressions.SQLSelectStatement;
import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.eclipse.persistence.queries.ValueReadQuery;

/**
 * EclipseLink 5 ships no SQLite platform, and the generic one gets identity ids, pagination and
 * foreign keys wrong for SQLite. Named in {@code eclipselink.target-database} when the JDBC URL is
 * a SQLite one. Tandem's ids come from a table generator, so identity support is only here for
 * completeness; the schema is owned by migrations, so no DDL is ever generated.
 */
public class SQLitePlatform extends DatabasePlatform {

  @Serial private static final long serialVersionUID = 1L;

  public SQLitePlatform() {
    setPingSQL("SELECT 1");
  }

  /** Pagination as {@code LIMIT <max> OFFSET <first>}. */
  @Override
  public void printSQLSelectStatement(
      DatabaseCall call, ExpressionSQLPrinter printer, SQLSelectStatement statement) {
    int max = statement.getQuery() == null ? 0 : statement.getQuery().getMaxRows();
    if (max <= 0 || !shouldUseRownumFiltering()) {
      super.printSQLSelectStatement(call, printer, statement);
      return;
    }
    statement.setUseUniqueFieldAliases(true);
    call.setFields(statement.printSQL(printer));
    printer.printString(" LIMIT ");
    printer.printParameter(DatabaseCall.MAXROW_FIELD);
    printer.printString(" OFFSET ");
    printer.printParameter(DatabaseCall.FIRSTRESULT_FIELD);
    call.setIgnoreFirstRowSetting(true);
    call.setIgnoreMaxResultsSetting(true);
  }

  /** LIMIT takes a row count, not the index of the last row. */
  @Override
  public int computeMaxRowsForSQL(int firstResultIndex, int maxResults) {
    return maxResults - Math.max(firstResultIndex, 0);
  }

  @Override
  public boolean supportsIdentity() {
    return true;
  }

  @Override
  public ValueReadQuery buildSelectQueryForIdentity() {
    return new ValueReadQuery("SELECT last_insert_rowid()");
  }

  @Override
  public boolean supportsSequenceObjects() {
    return false;
  }

  /** SQLite cannot {@code ALTER TABLE … ADD CONSTRAINT}. */
  @Override
  public boolean supportsForeignKeyConstraints() {
    return false;
  }

  /** SQLite has no {@code SELECT … FOR UPDATE}; its transactions lock the whole database. */
  @Override
  public boolean shouldPrintForUpdateClause() {
    return false;
  }

  @Override
  public boolean supportsGlobalTempTables() {
    return false;
  }

  @Override
  public boolean supportsLocalTempTables() {
    return false;
  }

  @Override
  public ValueReadQuery getTimestampQuery() {
    if (timestampQuery == null) {
      timestampQuery = new ValueReadQuery("SELECT CURRENT_TIMESTAMP");
      timestampQuery.setAllowNativeSQLQuery(true);
    }
    return timestampQuery;
  }

  @Override
  protected void initializePlatformOperators() {
    super.initializePlatformOperators();
    addOperator(ExpressionOperator.simpleMath(ExpressionOperator.Concat, "||"));
    addOperator(ExpressionOperator.simpleTwoArgumentFunction(ExpressionOperator.Nvl, "IFNULL"));
  }
}
