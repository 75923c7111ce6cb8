package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.Secret;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a child JVM by {@link FileCacheStoreCrashTest}: writes big cache generations forever,
 * printing {@code saved N} after each, until it is killed.
 */
final class CacheWriterChild {
  private CacheWriterChild() {}

  public static void main(String[] args) throws Exception {
    FileCacheStore store = new FileCacheStore(Path.of(args[0]), Clock.systemUTC());
    String filler = "x".repeat(8 * 1024 * 1024);
    for (long generation = 1; ; generation++) {
      String json = "{\"generation\":" + generation + ",\"filler\":\"" + filler + "\"}";
      store.saveMerged(stored -> Secret.of(json));
      System.out.println("saved " + generation);
      System.out.flush();
    }
  }
}
