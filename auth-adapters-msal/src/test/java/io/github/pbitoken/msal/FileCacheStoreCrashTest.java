package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.domain.Secret;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed (SIGKILL) in the middle of a write leaves the previous cache intact. */
class FileCacheStoreCrashTest {
  @TempDir Path dir;

  @Test
  void aWriterKilledMidWriteLeavesThePreviousCacheIntact() throws Exception {
    Path cache = dir.resolve("cache.json");
    Process child =
        new ProcessBuilder(
                List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-cp",
                    System.getProperty("java.class.path"),
                    CacheWriterChild.class.getName(),
                    cache.toString()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.equals("saved 2")) {
        // wait until two generations are on disk
      }
      assertTrue("saved 2".equals(line), "the writer died before writing twice");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!writingTemporaryFile() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertTrue(writingTemporaryFile(), "never caught the writer mid-write");
      child.destroyForcibly();
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }

    Secret stored = new FileCacheStore(cache, Clock.systemUTC()).load().serialized().orElseThrow();
    Object json = Json.parse(stored.reveal());
    assertTrue(json instanceof Map<?, ?> map && ((Number) map.get("generation")).longValue() >= 2);
    assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().contains("corrupt")));
  }

  private boolean writingTemporaryFile() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".tmp"));
    }
  }
}
