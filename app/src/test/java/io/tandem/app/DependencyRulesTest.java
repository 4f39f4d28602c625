package io.tandem.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tandem.core.kernel.Role;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule from DESIGN.md, checked on every build. Each rule first proves that the
 * packages it names hold classes, so no rule can pass because a package moved or was renamed.
 */
class DependencyRulesTest {

  private static JavaClasses classes;

  /** Features whose {@code persistence} package only they (and the app's wiring) may use. */
  private static final List<String> FEATURES_WITH_PERSISTENCE =
      List.of(
          "io.tandem.core.enrolment",
          "io.tandem.core.programs",
          "io.tandem.core.matching",
          "io.tandem.core.checkins",
          "io.tandem.core.learning",
          "io.tandem.core.reminders",
          "io.tandem.core.reports",
          "io.tandem.core.delivery",
          "io.tandem.core.intake",
          "io.tandem.core.privacy",
          "io.tandem.core.surveys",
          "io.tandem.core.pulse",
          "io.tandem.core.guidance",
          "io.tandem.core.calendar");

  /** Every feature package of the core; the kernel they share must know none of them. */
  private static final List<String> FEATURES =
      Stream.concat(FEATURES_WITH_PERSISTENCE.stream(), Stream.of("io.tandem.core.home")).toList();

  /** Every core package but the database infrastructure ({@code store}, {@code schedule}). */
  private static final List<String> DATA_ACCESS_CHECKED =
      Stream.concat(FEATURES.stream(), Stream.of("io.tandem.core.kernel", "io.tandem.core.command"))
          .toList();

  @BeforeAll
  static void importTandem() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tandem");
  }

  @Test
  @DisplayName("bot-core knows no chat platform, HTTP server or CLI library")
  void coreIsPlatformFree() {
    requireClassesIn("io.tandem.core", "io.tandem.slack", "io.tandem.discord");

    noClasses()
        .that()
        .resideInAPackage("io.tandem.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.slack..",
            "net.dv8tion..",
            "com.sun.net.httpserver..",
            "org.eclipse.jetty..",
            "io.javalin..",
            "org.java_websocket..",
            "picocli..",
            "io.tandem.slack..",
            "io.tandem.discord..",
            "io.tandem.app..",
            "io.tandem.simulator..")
        .check(classes);
  }

  @Test
  @DisplayName("adapters reach the core only through its ports and the shared kernel")
  void adaptersUsePortsOnly() {
    requireClassesIn(
        "io.tandem.slack",
        "io.tandem.discord",
        "io.tandem.core.port.in",
        "io.tandem.core.store",
        "io.tandem.core.checkins",
        "io.tandem.core.command");

    noClasses()
        .that()
        .resideInAnyPackage("io.tandem.slack..", "io.tandem.discord..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.tandem.core..")
                .and(not(resideInAnyPackage("io.tandem.core.port..", "io.tandem.core.kernel"))))
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.persistence..", "org.eclipse.persistence..")
        .check(classes);
  }

  @Test
  @DisplayName("the kernel depends on no feature package")
  void kernelKnowsNoFeature() {
    requireClassesIn("io.tandem.core.kernel");
    requireClassesIn(FEATURES.toArray(String[]::new));

    noClasses()
        .that()
        .resideInAPackage("io.tandem.core.kernel..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES.stream().map(p -> p + "..").toArray(String[]::new))
        .check(classes);
  }

  @Test
  @DisplayName("the matching model depends on java, itself and the kernel's Role only")
  void domainIsPlainJava() {
    requireClassesIn("io.tandem.core.matching.model");

    classes()
        .that()
        .resideInAPackage("io.tandem.core.matching.model..")
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage("java..", "io.tandem.core.matching.model..")
                .or(belongToAnyOf(Role.class)))
        .check(classes);
  }

  @Test
  @DisplayName("the production program holds no simulated platform and no demo")
  void appIsProduction() {
    requireClassesIn("io.tandem.app", "io.tandem.simulator");

    noClasses()
        .that()
        .resideInAPackage("io.tandem.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.tandem.simulator..", "io.tandem.demo..")
        .check(classes);
  }

  @Test
  @DisplayName("the platforms do not know each other")
  void platformsAreIndependent() {
    requireClassesIn("io.tandem.slack", "io.tandem.discord");

    noClasses()
        .that()
        .resideInAPackage("io.tandem.slack..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.tandem.discord..", "net.dv8tion..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.tandem.discord..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.tandem.slack..", "com.slack..")
        .check(classes);
  }

  @Test
  @DisplayName(
      "SQL, JDBC and the EntityManager are used only in persistence packages and the store")
  void dataAccessOnlyInPersistence() {
    requireClassesIn(DATA_ACCESS_CHECKED.toArray(String[]::new));
    // the persistence packages exist and do reach the database, so the rule names what happens
    for (String feature : FEATURES_WITH_PERSISTENCE) {
      String persistence = feature + ".persistence";
      requireClassesIn(persistence);
      assertThat(
              classes.stream()
                  .filter(c -> c.getPackageName().equals(persistence))
                  .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                  .map(d -> d.getTargetClass())
                  .anyMatch(
                      target ->
                          target.getPackageName().equals("java.sql")
                              || target.isEquivalentTo(EntityManager.class)))
          .as("%s uses JDBC or the EntityManager", persistence)
          .isTrue();
    }

    noClasses()
        .that()
        .resideInAnyPackage(DATA_ACCESS_CHECKED.stream().map(p -> p + "..").toArray(String[]::new))
        .and()
        .resideOutsideOfPackages("io.tandem.core..persistence..", "io.tandem.core.store..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.sql..")
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(EntityManager.class, Query.class, TypedQuery.class)
        .orShould()
        .callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("createNativeQuery")))
        .check(classes);
  }

  @Test
  @DisplayName("a feature's persistence package is used only by that feature and the app")
  void persistenceIsInternal() {
    for (String feature : FEATURES_WITH_PERSISTENCE) {
      requireClassesIn(feature, feature + ".persistence");
      assertThat(
              classes.stream()
                  .filter(c -> c.getPackageName().equals(feature))
                  .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                  .anyMatch(
                      d -> d.getTargetClass().getPackageName().equals(feature + ".persistence")))
          .as("%s uses its persistence package", feature)
          .isTrue();

      noClasses()
          .that()
          .resideOutsideOfPackages(feature + "..", "io.tandem.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(feature + ".persistence..")
          .check(classes);
    }
  }

  private static void requireClassesIn(String... packages) {
    for (String name : packages) {
      assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(name)))
          .as("classes in package %s (a rule naming it would otherwise pass vacuously)", name)
          .isTrue();
    }
  }
}
