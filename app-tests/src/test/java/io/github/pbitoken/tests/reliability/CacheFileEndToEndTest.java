package io.github.pbitoken.tests.reliability;

import static io.github.pbitoken.tests.e2e.EmulatorFixture.clientSecretConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.emulator;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.persistentCache;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.userFlowConfig;
import static io.github.pbitoken.tests.e2e.EmulatorFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import io.github.pbitoken.tests.entra.SandboxUser;
import io.github.pbitoken.tests.wiring.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistent token cache shared by real processes: nothing lost, nothing exposed. */
class CacheFileEndToEndTest {
  private static final int PROCESSES = 20;
  private static final String PASSWORD = "sbx-Parallel-Passw0rd!";

  @TempDir Path dir;

  @BeforeEach
  void registerUsers() {
    emulator().reset();
    for (int i = 0; i < PROCESSES; i++) {
      emulator()
          .directory()
          .registerUser(
              new SandboxUser(
                  SandboxDirectory.TENANT_ID,
                  user(i),
                  PASSWORD,
                  String.format(Locale.ROOT, "00000000-0000-0000-0000-0000000f%04d", i),
                  "Parallel " + i));
    }
  }

  @Test
  void twentyProcessesStartedAtOnceAllSucceedAndTheFileHoldsEveryAccount() throws Exception {
    Path cache = dir.resolve("shared-cache.json");
    List<JarProcess> processes = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      Path config =
          write(
              dir,
              userFlowConfig(
                  "username-password",
                  "username = \"" + user(i) + "\"",
                  "password = \"" + PASSWORD + "\"",
                  persistentCache(cache)[0],
                  persistentCache(cache)[1]));
      processes.add(
          JarProcess.startCommand(
              dir,
              "p" + i,
              List.of(
                  JarProcess.java(),
                  // 20 JVMs on a small machine: start fast, stay small
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-jar",
                  JarProcess.jar().toString(),
                  "--config",
                  config.toString(),
                  "-o",
                  "token")));
    }
    List<JarProcess.Result> results = new ArrayList<>();
    for (JarProcess process : processes) {
      results.add(process.await(Duration.ofSeconds(120)));
    }

    for (JarProcess.Result result : results) {
      assertEquals(0, result.exitCode(), result::toString);
      assertTrue(result.stdout().startsWith("eyJ"), result::toString);
      assertTrue(
          result.stderr().lines().noneMatch(line -> line.contains("token cache")),
          result::toString);
    }
    JsonNode json = new ObjectMapper().readTree(Files.readString(cache));
    Set<String> accounts = new HashSet<>();
    json.path("Account").forEach(account -> accounts.add(account.path("username").asText()));
    for (int i = 0; i < PROCESSES; i++) {
      assertTrue(accounts.contains(user(i)), "lost the account of " + user(i) + ": " + accounts);
    }
    assertEquals(PROCESSES, json.path("AccessToken").size(), "one access token per user");
    assertEquals(PROCESSES, json.path("RefreshToken").size(), "one refresh token per user");
  }

  @Test
  void aCacheOtherUsersMayReadIsMadeOwnerOnlyWithAWarning() throws Exception {
    Path cache = dir.resolve("cache.json");
    Path config = write(dir, appConfig(cache));
    assertEquals(0, JarProcess.run(dir, "first", "--config", config.toString()).exitCode());
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rw-r--r--"));

    JarProcess.Result second = JarProcess.run(dir, "second", "--config", config.toString());

    assertEquals(0, second.exitCode(), second::toString);
    assertTrue(second.stderr().contains("readable or writable by other users"), second::toString);
    assertEquals(1, warnings(second), second::toString);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
    assertEquals(1, emulator().requestCount(), "the cache was still used");
  }

  /** Needs root to hand the file to {@code nobody}; the build runs as root here and in CI. */
  @Test
  void aCacheOwnedByAnotherUserIsRefusedWithAWarning() throws Exception {
    Path cache = dir.resolve("cache.json");
    Path config = write(dir, appConfig(cache));
    assertEquals(0, JarProcess.run(dir, "first", "--config", config.toString()).exitCode());
    UserPrincipal nobody =
        cache.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    Files.setOwner(cache, nobody);
    String before = Files.readString(cache);

    JarProcess.Result second = JarProcess.run(dir, "second", "--config", config.toString());

    assertEquals(0, second.exitCode(), second::toString);
    assertTrue(second.stderr().contains("is owned by nobody"), second::toString);
    assertEquals(1, warnings(second), second::toString);
    assertEquals(2, emulator().requestCount(), "the foreign cache was not used");
    assertEquals(nobody, Files.getOwner(cache));
    assertEquals(before, Files.readString(cache), "the foreign cache was written");
  }

  private static long warnings(JarProcess.Result result) {
    return result.stderr().lines().filter(line -> line.startsWith("pbi-token: warning: ")).count();
  }

  private static String appConfig(Path cache) {
    return clientSecretConfig(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET, persistentCache(cache));
  }

  private static String user(int i) {
    return "parallel" + i + "@" + SandboxDirectory.TENANT_DOMAIN;
  }
}
