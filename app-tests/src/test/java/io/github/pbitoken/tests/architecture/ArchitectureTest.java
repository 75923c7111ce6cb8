package io.github.pbitoken.tests.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The module and package rules of STYLE.md, enforced on the production classes. */
class ArchitectureTest {
  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("io.github.pbitoken..");

  @Test
  void theHexagonHasItsLayers() {
    onionArchitecture()
        .domainModels("..core.domain..")
        .domainServices("..core.port..")
        .applicationServices("..core.service..")
        .adapter("msal", "..pbitoken.msal..")
        .adapter("cli", "..console.cli..")
        .ignoreDependency(
            resideInAnyPackage("..pbitoken.console", "..console.wiring..", "..console.config.."),
            alwaysTrue())
        .ignoreDependency(resideInAnyPackage("..pbitoken.tests.."), alwaysTrue())
        .check(PRODUCTION);
  }

  @Test
  void theCoreDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("..pbitoken.core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "..pbitoken.core..")
        .check(PRODUCTION);
  }

  @Test
  void adaptersUsePortsNotServices() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..console.wiring..", "..pbitoken.core..", "..pbitoken.tests..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.github.pbitoken.core.service.TokenService")
        .check(PRODUCTION);
  }

  @Test
  void onlyTheMsalAdapterKnowsMsal() {
    onlyIn("com.microsoft.aad.msal4j..", "..pbitoken.msal..").check(PRODUCTION);
  }

  @Test
  void onlyTheCompositionRootKnowsGuice() {
    onlyIn("com.google.inject..", "..console.wiring..", "io.github.pbitoken.console")
        .check(PRODUCTION);
    onlyIn("jakarta.inject..", "..console.wiring..", "io.github.pbitoken.console")
        .check(PRODUCTION);
  }

  @Test
  void onlyConfigLoadingKnowsTypesafeConfig() {
    onlyIn(
            "com.typesafe.config..",
            "..console.config..",
            "..console.wiring..",
            "io.github.pbitoken.console")
        .check(PRODUCTION);
  }

  @Test
  void portsAreInterfaces() {
    classes()
        .that()
        .resideInAPackage("..core.port..")
        .and()
        .areTopLevelClasses()
        .should()
        .beInterfaces()
        .check(PRODUCTION);
  }

  @Test
  void onlyConsoleOutputAndMainTouchTheStandardStreams() {
    noClasses()
        .that()
        .resideInAPackage("io.github.pbitoken..")
        .and()
        .doNotHaveFullyQualifiedName("io.github.pbitoken.console.Main")
        .and()
        .doNotHaveFullyQualifiedName("io.github.pbitoken.console.cli.ConsoleOutput")
        .and()
        .resideOutsideOfPackage("..pbitoken.tests..")
        .should(ACCESS_STANDARD_STREAMS)
        .check(PRODUCTION);
  }

  @Test
  void theCoreNeverReadsTheSystemClock() {
    noClasses()
        .that()
        .resideInAPackage("..pbitoken.core..")
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(Clock.class, "systemUTC")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .check(PRODUCTION);
  }

  /** A rule about a package that does not exist passes vacuously: make sure each one exists. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "io.github.pbitoken.core.domain",
        "io.github.pbitoken.core.port.in",
        "io.github.pbitoken.core.port.out",
        "io.github.pbitoken.core.service",
        "io.github.pbitoken.msal",
        "io.github.pbitoken.console",
        "io.github.pbitoken.console.cli",
        "io.github.pbitoken.console.config",
        "io.github.pbitoken.console.wiring"
      })
  void everyPackageNamedInARuleHasClasses(String packageName) {
    assertFalse(
        PRODUCTION.stream().noneMatch(c -> c.getPackageName().equals(packageName)),
        packageName + " has no classes: a rule naming it would pass vacuously");
  }

  private static ArchRule onlyIn(String library, String... allowedPackages) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(allowedPackages)
        .and()
        .resideOutsideOfPackage("..pbitoken.tests..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(library);
  }
}
