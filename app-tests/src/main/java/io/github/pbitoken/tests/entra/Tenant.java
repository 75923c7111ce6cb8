package io.github.pbitoken.tests.entra;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** An Entra ID tenant known to the emulator: its id and the verified domains that also name it. */
public record Tenant(String id, String displayName, Set<String> domains) {

  public Tenant {
    id = Ids.requireGuid(id, "tenant id");
    Objects.requireNonNull(displayName, "displayName must not be null");
    domains =
        Set.copyOf(domains).stream()
            .map(domain -> domain.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    for (String domain : domains) {
      if (!domain.contains(".") || domain.contains("/")) {
        throw new IllegalArgumentException(
            "tenant domain must be a host name like contoso.onmicrosoft.com, was '" + domain + "'");
      }
    }
  }

  /** Whether {@code idOrDomain}, as it appears in an authority URL, names this tenant. */
  public boolean isNamedBy(String idOrDomain) {
    String name = idOrDomain.toLowerCase(Locale.ROOT);
    return id.equals(name) || domains.contains(name);
  }
}
