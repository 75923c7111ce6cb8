package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.AccessToken;
import io.github.pbitoken.core.domain.Account;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenRequest;
import io.github.pbitoken.core.domain.TokenSource;
import io.github.pbitoken.core.service.TokenPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a still-fresh access token in the persisted MSAL token cache file by reading it directly,
 * before any MSAL application, TLS context, injector or logger exists: the fast path of a CLI run
 * whose token is cached (docs/adr/0007).
 *
 * <p>It answers only when the answer is certain to be the one the full path would give: the file is
 * a plain file of ours that no one else may read, exactly one account could be meant (user flows),
 * and the token is outside both MSAL's five-minute expiry buffer and the policy's refresh window.
 * Anything else (no file, another owner, odd JSON, two candidate accounts, a token due for refresh)
 * gives {@link Optional#empty()}, and the caller takes the full path, which handles it properly and
 * reports what needs reporting. It never writes and never throws.
 *
 * <p>The file is read without the cross-process lock: writers replace it atomically (temp file and
 * rename), so a reader sees one whole version or the other.
 */
public final class PersistedTokenLookup {
  /** MSAL4J refreshes an access token with less than this left (ACCESS_TOKEN_EXPIRE_BUFFER). */
  static final Duration MSAL_EXPIRY_BUFFER = Duration.ofMinutes(5);

  private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private final Path cacheFile;
  private final String environment;
  private final String clientId;
  private final UserSignIn userSignIn;

  private PersistedTokenLookup(
      Path cacheFile, String environment, String clientId, UserSignIn userSignIn) {
    this.cacheFile = cacheFile;
    this.environment = environment;
    this.clientId = clientId;
    this.userSignIn = userSignIn;
  }

  /** A lookup for a service principal's app-only tokens (secret, certificate or assertion). */
  public static PersistedTokenLookup forApp(Path cacheFile, MsalSettings settings) {
    return new PersistedTokenLookup(
        cacheFile, settings.authorityHost(), settings.clientId().value(), null);
  }

  /** A lookup for the tokens of the one user that {@code signIn} would act for. */
  public static PersistedTokenLookup forUser(
      Path cacheFile, MsalSettings settings, UserSignIn signIn) {
    return new PersistedTokenLookup(
        cacheFile, settings.authorityHost(), settings.clientId().value(), signIn);
  }

  /** The cached token that answers {@code request} at {@code now} under {@code policy}, if any. */
  public Optional<AccessToken> find(TokenRequest request, Instant now, TokenPolicy policy) {
    if (request.forceRefresh() || request.claimsChallenge() != null) {
      return Optional.empty();
    }
    try {
      Optional<Map<String, Object>> cache = readOwnCacheFile();
      if (cache.isEmpty()) {
        return Optional.empty();
      }
      Optional<Map<String, Object>> account = account(cache.get(), request);
      if (account.isEmpty() && userSignIn != null) {
        return Optional.empty();
      }
      return freshest(cache.get(), request, account.orElse(null), now, policy);
    } catch (IOException | RuntimeException | Json.MalformedJsonException unusual) {
      return Optional.empty(); // the full path will meet the same problem and report it
    }
  }

  private Optional<Map<String, Object>> readOwnCacheFile()
      throws IOException, Json.MalformedJsonException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(
            cacheFile, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null || !Files.exists(cacheFile, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    PosixFileAttributes attributes = view.readAttributes();
    if (!OwnerOnlyFile.is(attributes) || attributes.size() > MAX_FILE_BYTES) {
      return Optional.empty(); // CacheFileGuard on the full path refuses or repairs it, and says so
    }
    String text = new String(Files.readAllBytes(cacheFile), StandardCharsets.UTF_8);
    return Json.parse(text) instanceof Map<?, ?> map ? Optional.of(strings(map)) : Optional.empty();
  }

  /**
   * The user flows' account choice: the same as MsalUserTokenAcquirer's ({@link AccountChoice}).
   */
  private Optional<Map<String, Object>> account(Map<String, Object> cache, TokenRequest request) {
    if (userSignIn == null) {
      return Optional.empty();
    }
    return AccountChoice.forRequest(
        entries(cache, "Account"),
        account -> text(account, "home_account_id"),
        account -> text(account, "username"),
        request,
        userSignIn);
  }

  private Optional<AccessToken> freshest(
      Map<String, Object> cache,
      TokenRequest request,
      Map<String, Object> account,
      Instant now,
      TokenPolicy policy) {
    String home = account == null ? "" : text(account, "home_account_id");
    // MSAL files a token under the tenant the request named (a GUID, a domain or organizations),
    // and serves it only to a request naming the same: so does this lookup
    String realm = request.tenant().value();
    AccessToken best = null;
    for (Map<String, Object> entry : entries(cache, "AccessToken")) {
      boolean matches =
          text(entry, "environment").equalsIgnoreCase(environment)
              && text(entry, "client_id").equalsIgnoreCase(clientId)
              && text(entry, "realm").equalsIgnoreCase(realm)
              && text(entry, "home_account_id").equalsIgnoreCase(home)
              && coversScopes(text(entry, "target"), request);
      if (!matches) {
        continue;
      }
      AccessToken token = toAccessToken(entry, request, account);
      if (isFresh(token, now, policy)
          && (best == null || token.expiresOn().isAfter(best.expiresOn()))) {
        best = token;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Fresh: neither MSAL nor TokenService would refresh it now, and it is long enough to use. */
  private static boolean isFresh(AccessToken token, Instant now, TokenPolicy policy) {
    Duration needed =
        MSAL_EXPIRY_BUFFER.compareTo(policy.minRemainingLifetime()) > 0
            ? MSAL_EXPIRY_BUFFER
            : policy.minRemainingLifetime();
    return token.isUsableAt(now, needed)
        && now.isBefore(token.refreshDueAt(policy.refreshBefore()));
  }

  private static boolean coversScopes(String target, TokenRequest request) {
    Set<String> granted = new HashSet<>();
    for (String scope : target.trim().split("\\s+")) {
      granted.add(scope.toLowerCase(Locale.ROOT));
    }
    return request.scopes().stream()
        .allMatch(scope -> granted.contains(scope.toString().toLowerCase(Locale.ROOT)));
  }

  private static AccessToken toAccessToken(
      Map<String, Object> entry, TokenRequest request, Map<String, Object> account) {
    Instant expiresOn = Instant.ofEpochSecond(Long.parseLong(text(entry, "expires_on")));
    String refreshOnText = text(entry, "refresh_on");
    Instant refreshOn =
        refreshOnText.isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(refreshOnText));
    return new AccessToken(
        Secret.of(text(entry, "secret")),
        expiresOn,
        refreshOn != null && refreshOn.isBefore(expiresOn) ? refreshOn : null,
        GrantedScopes.of(text(entry, "target"), request),
        request.tenant(),
        account == null ? null : toAccount(account),
        TokenSource.CACHE);
  }

  private static Account toAccount(Map<String, Object> account) {
    String home = text(account, "home_account_id");
    return new Account(
        home, text(account, "username"), new TenantId(home.substring(home.lastIndexOf('.') + 1)));
  }

  private static List<Map<String, Object>> entries(Map<String, Object> cache, String section) {
    return cache.get(section) instanceof Map<?, ?> entries
        ? entries.values().stream()
            .filter(Map.class::isInstance)
            .map(entry -> strings((Map<?, ?>) entry))
            .toList()
        : List.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> strings(Map<?, ?> map) {
    return (Map<String, Object>) map; // Json.parse gives String keys
  }

  /** A field as text: MSAL writes numbers as strings, but accept either; absent is empty. */
  private static String text(Map<String, Object> entry, String field) {
    Object value = entry.get(field);
    return value == null ? "" : value.toString();
  }
}
