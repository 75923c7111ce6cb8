package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.ITokenCache;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import io.github.pbitoken.core.domain.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two MSAL caches (two processes) on one file: nobody's sign-in is lost. */
class PersistentTokenCacheTest {
  @TempDir Path dir;

  /** MSAL's in-memory cache, reduced to what the aspect sees. */
  private static final class MemoryCache implements ITokenCache {
    String contents = "{}";
    final List<String> deserialized = new ArrayList<>();

    @Override
    public void deserialize(String data) {
      deserialized.add(data);
      contents = data;
    }

    @Override
    public String serialize() {
      return contents;
    }
  }

  private static ITokenCacheAccessContext access(ITokenCache cache, boolean changed) {
    return new ITokenCacheAccessContext() {
      @Override
      public ITokenCache tokenCache() {
        return cache;
      }

      @Override
      public String clientId() {
        return "00000000-0000-0000-0000-000000000001";
      }

      @Override
      public IAccount account() {
        return null;
      }

      @Override
      public boolean hasCacheChanged() {
        return changed;
      }
    };
  }

  @Test
  void givenTwoProcessesSavingInTurn_whenTheSecondSaves_thenBothAccountsAreKept() throws Exception {
    FileCacheStore store = new FileCacheStore(dir.resolve("cache.json"), Clock.systemUTC());
    PersistentTokenCache first = new PersistentTokenCache(store);
    PersistentTokenCache second = new PersistentTokenCache(store);
    MemoryCache firstMemory = new MemoryCache();
    MemoryCache secondMemory = new MemoryCache();
    first.beforeCacheAccess(access(firstMemory, false));
    second.beforeCacheAccess(access(secondMemory, false));

    secondMemory.contents = "{\"Account\":{\"bob\":{\"username\":\"bob\"}}}";
    second.afterCacheAccess(access(secondMemory, true));
    firstMemory.contents = "{\"Account\":{\"alice\":{\"username\":\"alice\"}}}";
    first.afterCacheAccess(access(firstMemory, true));

    assertEquals(
        Json.parse(
            "{\"Account\":{\"bob\":{\"username\":\"bob\"},\"alice\":{\"username\":\"alice\"}}}"),
        Json.parse(store.load().serialized().map(Secret::reveal).orElseThrow()));
    first.beforeCacheAccess(access(firstMemory, false));
    assertEquals(store.load().serialized().map(Secret::reveal).orElseThrow(), firstMemory.contents);
  }

  @Test
  void givenAnUnchangedStore_whenAccessedAgain_thenMsalIsNotReloaded() throws Exception {
    FileCacheStore store = new FileCacheStore(dir.resolve("cache.json"), Clock.systemUTC());
    PersistentTokenCache aspect = new PersistentTokenCache(store);
    MemoryCache memory = new MemoryCache();
    memory.contents = "{\"Account\":{}}";
    aspect.beforeCacheAccess(access(memory, false));
    aspect.afterCacheAccess(access(memory, true));
    int loads = memory.deserialized.size();

    aspect.beforeCacheAccess(access(memory, false));

    assertEquals(loads, memory.deserialized.size());
  }
}
