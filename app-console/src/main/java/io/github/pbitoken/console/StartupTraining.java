package io.github.pbitoken.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run for the launcher's class-data sharing archive (bin/pbi-token, started with
 * {@code -XX:ArchiveClassesAtExit}): runs pbi-token offline the way real runs go, so the archive
 * holds the classes they load. Two runs in a throw-away directory, with no network and nothing of
 * the user's read or written:
 *
 * <ol>
 *   <li>a token found in a (synthetic) persistent cache: the fast path of docs/adr/0007;
 *   <li>a forced refresh against a closed local port: the wired path, Guice, MSAL, TLS and Logback,
 *       up to the failed connection.
 * </ol>
 *
 * Not a user command; its exit code is 0 unless the training itself could not be set up.
 */
public final class StartupTraining {
  private static final String TENANT = "00000000-0000-0000-0000-000000000001";
  private static final String CLIENT = "00000000-0000-0000-0000-000000000002";

  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("pbi-token-training");
    try {
      Path config = writeConfig(dir);
      writeCache(dir.resolve("cache.json"));
      PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
      Main.run(new String[] {"-c", config.toString(), "-o", "json"}, Map.of(), nowhere, nowhere);
      Main.run(
          new String[] {"-c", config.toString(), "-o", "token", "--force-refresh"},
          Map.of(),
          nowhere,
          nowhere);
    } finally {
      deleteRecursively(dir);
    }
  }

  private static Path writeConfig(Path dir) throws IOException {
    String config =
        String.join(
            "\n",
            "pbi-token {",
            "  authority-host = \"127.0.0.1:1\"", // nothing listens on port 1: fails at once
            "  tenant-id = \"" + TENANT + "\"",
            "  client-id = \"" + CLIENT + "\"",
            "  client-secret = \"training-only\"",
            "  http.max-attempts = 1",
            "  token-cache.file = \"" + dir.resolve("cache.json") + "\"",
            "}",
            "");
    return Files.writeString(dir.resolve("training.conf"), config);
  }

  /** A cache file as MSAL writes it, with one app token valid for an hour. */
  private static void writeCache(Path file) throws IOException {
    long now = Instant.now().getEpochSecond();
    String entry =
        String.join(
            ",",
            "\"environment\":\"127.0.0.1:1\"",
            "\"credential_type\":\"AccessToken\"",
            "\"client_id\":\"" + CLIENT + "\"",
            "\"secret\":\"training.token.value\"",
            "\"realm\":\"" + TENANT + "\"",
            "\"target\":\"https://analysis.windows.net/powerbi/api/.default\"",
            "\"cached_at\":\"" + now + "\"",
            "\"expires_on\":\"" + (now + 3600) + "\"");
    Files.writeString(file, "{\"AccessToken\":{\"training\":{" + entry + "}}}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(StartupTraining::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
