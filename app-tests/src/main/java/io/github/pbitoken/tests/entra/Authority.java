package io.github.pbitoken.tests.entra;

import java.util.Locale;
import java.util.Optional;

/** What the tenant segment of a URL names: one tenant, or an alias such as {@code common}. */
sealed interface Authority {

  /** Resolves the segment, or returns empty when it names no known tenant (AADSTS90002). */
  static Optional<Authority> resolve(String segment, SandboxDirectory directory) {
    String alias = segment.toLowerCase(Locale.ROOT);
    if (SandboxDirectory.MULTI_TENANT_ALIASES.contains(alias)) {
      return Optional.of(new MultiTenant(alias));
    }
    return directory.findTenant(segment).map(SingleTenant::new);
  }

  /** The segment to use in URLs of this authority's metadata. */
  String pathSegment();

  record SingleTenant(Tenant tenant) implements Authority {
    @Override
    public String pathSegment() {
      return tenant.id();
    }
  }

  record MultiTenant(String alias) implements Authority {
    @Override
    public String pathSegment() {
      return alias;
    }
  }
}
