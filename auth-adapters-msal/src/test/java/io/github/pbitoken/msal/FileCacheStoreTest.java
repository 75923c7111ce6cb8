package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.domain.CacheSnapshot;
import io.github.pbitoken.core.domain.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCacheStoreTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1234), ZoneOffset.UTC);

  @TempDir Path dir;

  private FileCacheStore store(String name) {
    return new FileCacheStore(dir.resolve("sub").resolve(name), CLOCK);
  }

  @Test
  void givenNoFile_whenLoaded_thenEmptyAndNothingCreatedButTheLock() throws Exception {
    FileCacheStore store = store("cache.json");

    assertEquals(CacheSnapshot.empty(), store.load());
    assertFalse(Files.exists(store.file()));
  }

  @Test
  void givenASave_whenLoadedAgain_thenSameContentsOwnerOnlyAndNoTemporaryFileLeft()
      throws Exception {
    FileCacheStore store = store("cache.json");

    CacheSnapshot saved = store.save(CacheSnapshot.empty(), Secret.of("{\"Account\":{}}"));

    assertNotNull(saved);
    assertEquals(saved, store.load());
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file().getParent())));
    try (Stream<Path> files = Files.list(store.file().getParent())) {
      assertEquals(
          List.of("cache.json", "cache.json.lock"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void givenSomeoneSavedSinceOurRead_whenSaving_thenRefusedAndTheirContentsKept() throws Exception {
    FileCacheStore store = store("cache.json");
    CacheSnapshot ourRead = store.load();
    CacheSnapshot theirs = store.save(ourRead, Secret.of("{\"theirs\":{}}"));

    assertNull(store.save(ourRead, Secret.of("{\"ours\":{}}")));
    assertEquals(theirs, store.load());
  }

  @Test
  void givenACorruptFile_whenLoaded_thenMovedAsideAndEmpty() throws Exception {
    FileCacheStore store = store("cache.json");
    Files.createDirectories(store.file().getParent());
    Files.writeString(store.file(), "{\"AccessToken\":{\"trunc");

    assertEquals(CacheSnapshot.empty(), store.load());
    assertFalse(Files.exists(store.file()));
    assertEquals(
        "{\"AccessToken\":{\"trunc",
        Files.readString(store.file().resolveSibling("cache.json.corrupt-1234")));
    assertTrue(
        CapturingLoggerProvider.lines().stream()
            .anyMatch(line -> line.startsWith("WARN") && line.contains("moved it to")));
  }

  @Test
  void givenAnotherProcessNeverLetsGo_whenSaving_thenItGivesUpAfterTheBound() throws Exception {
    FileCacheStore store =
        new FileCacheStore(dir.resolve("sub").resolve("stuck.json"), CLOCK, Duration.ofMillis(300));
    store.load();
    Process process = holdLock(store.file().resolveSibling("stuck.json.lock"));
    try {
      long started = System.nanoTime();
      IOException failure =
          assertThrows(IOException.class, () -> store.save(CacheSnapshot.empty(), Secret.of("{}")));
      Duration waited = Duration.ofNanos(System.nanoTime() - started);

      assertTrue(failure.getMessage().contains("stayed locked"), failure.getMessage());
      assertTrue(waited.compareTo(Duration.ofMillis(250)) >= 0, "waited " + waited);
      assertTrue(waited.compareTo(Duration.ofSeconds(5)) < 0, "waited " + waited);
      assertFalse(Files.exists(store.file()), "written while another process held the lock");
    } finally {
      process.destroyForcibly();
    }
  }

  /** A separate JVM that holds {@code lockFile} until killed or its stdin closes. */
  private Process holdLock(Path lockFile) throws Exception {
    Path holder = Path.of(getClass().getResource("/LockHolder.java").toURI());
    Process process =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                holder.toString(),
                lockFile.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader childOut =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("locked", childOut.readLine());
    return process;
  }

  @Test
  void givenAnotherProcessHoldsTheLock_whenSaving_thenTheSaveWaitsForIt() throws Exception {
    FileCacheStore store = store("cache.json");
    store.load();
    Path lockFile = store.file().resolveSibling("cache.json.lock");
    Path holder = Path.of(getClass().getResource("/LockHolder.java").toURI());
    Process process =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                holder.toString(),
                lockFile.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader childOut =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", childOut.readLine());

      CompletableFuture<CacheSnapshot> save =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return store.save(CacheSnapshot.empty(), Secret.of("{}"));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertThrows(TimeoutException.class, () -> save.get(500, TimeUnit.MILLISECONDS));
      assertFalse(Files.exists(store.file()), "written while another process held the lock");

      process.getOutputStream().close();
      assertNotNull(save.get(30, TimeUnit.SECONDS));
      assertTrue(Files.exists(store.file()));
    } finally {
      process.destroyForcibly();
    }
  }
}
