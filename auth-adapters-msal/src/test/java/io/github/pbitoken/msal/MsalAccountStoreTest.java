package io.github.pbitoken.msal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.domain.CacheSnapshot;
import io.github.pbitoken.core.domain.ClientId;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenCacheWriteException;
import io.github.pbitoken.core.port.out.CacheStore;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sign-outs reach the persistent cache, or say that they did not. */
class MsalAccountStoreTest {
  private static final String MARK = "MsalAccountStoreTest-7e1";
  private static final String TENANT = "00000000-0000-0000-0000-0000000000a1";
  private static final String HOME = "00000000-0000-0000-0000-00000000a11c." + TENANT;
  private static final String CACHE =
      "{\"Account\":{\""
          + HOME
          + "-login.microsoftonline.com-"
          + TENANT
          + "\":{\"home_account_id\":\""
          + HOME
          + "\",\"environment\":\"login.microsoftonline.com\",\"realm\":\""
          + TENANT
          + "\",\"local_account_id\":\"00000000-0000-0000-0000-00000000a11c\",\"username\":"
          + "\"alice@contoso.com\",\"authority_type\":\"MSSTS\"}}}";

  /** A cache file holding alice, which cannot be written (a read-only directory, a full disk). */
  private static final class ReadOnlyStore implements CacheStore {
    boolean writable;
    String saved;

    @Override
    public CacheSnapshot load() {
      return new CacheSnapshot(Secret.of(saved == null ? CACHE : saved), "v1");
    }

    @Override
    public CacheSnapshot save(CacheSnapshot basedOn, Secret contents) throws IOException {
      if (!writable) {
        throw new IOException("Read-only file system (" + MARK + ")");
      }
      saved = contents.reveal();
      return new CacheSnapshot(contents, "v2");
    }
  }

  @Test
  void aSignOutThatCannotBeSavedFailsAndSaysTheUserIsStillSignedIn() throws Exception {
    ReadOnlyStore file = new ReadOnlyStore();
    MsalAccountStore store = storeOn(file);
    Account alice = store.accounts().get(0);

    TokenCacheWriteException failure =
        assertThrows(TokenCacheWriteException.class, () -> store.remove(alice));

    assertTrue(failure.getMessage().startsWith("alice@contoso.com is still signed in"));
    assertTrue(failure.getMessage().contains("Read-only file system"));
    assertTrue(failure.details().hint().orElseThrow().contains("writable"));
    assertTrue(
        CapturingLoggerProvider.lines().stream().noneMatch(line -> line.contains(MARK)),
        "the failure is the caller's one line, not a warning on top");
  }

  @Test
  void aSignOutThatIsSavedRemovesTheUserFromTheFile() throws Exception {
    ReadOnlyStore file = new ReadOnlyStore();
    file.writable = true;
    MsalAccountStore store = storeOn(file);

    store.remove(store.accounts().get(0));

    assertEquals(List.of(), storeOn(file).accounts());
    assertTrue(!file.saved.contains("alice"), file.saved);
  }

  private static MsalAccountStore storeOn(CacheStore file) {
    MsalSettings settings =
        new MsalSettings(
            Cloud.PUBLIC,
            null,
            new TenantId(TENANT),
            new ClientId("00000000-0000-0000-0000-0000000000c2"),
            null,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            1,
            null);
    PersistentTokenCache persistence = new PersistentTokenCache(file);
    return new MsalAccountStore(
        MsalUserTokenAcquirer.publicClient(
            settings,
            HttpsUrlConnectionClient.to(settings),
            MsalThreads.newExecutor(),
            persistence),
        settings.acquireTimeout(),
        persistence);
  }
}
