package io.tandem.core.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Runs a test class or method only when {@link TestDatabase#PG_URL_VARIABLE} names PostgreSQL. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfEnvironmentVariable(
    named = TestDatabase.PG_URL_VARIABLE,
    matches = "jdbc:postgresql:.*",
    disabledReason = "set TANDEM_TEST_PG_URL to a PostgreSQL JDBC URL to run")
public @interface OnPostgres {}
