package io.github.pbitoken.core.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who signs the request in: a tenant GUID, a verified domain ({@code contoso.onmicrosoft.com}), or
 * one of the multi-tenant aliases {@code organizations}, {@code common} and {@code consumers}.
 */
public record TenantId(String value) {

  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
  private static final Pattern ALIAS = Pattern.compile("organizations|common|consumers");

  public static final TenantId ORGANIZATIONS = new TenantId("organizations");
  public static final TenantId COMMON = new TenantId("common");

  public TenantId {
    Objects.requireNonNull(value, "tenant id must not be null");
    value = value.trim().toLowerCase(Locale.ROOT);
    if (!GUID.matcher(value).matches()
        && !DOMAIN.matcher(value).matches()
        && !ALIAS.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "tenant id must be a GUID (00000000-0000-0000-0000-000000000000), a domain such as"
              + " contoso.onmicrosoft.com, or organizations/common/consumers, was '"
              + value
              + "'");
    }
  }

  /** Whether this names one tenant rather than a multi-tenant alias. */
  public boolean isSpecificTenant() {
    return !ALIAS.matcher(value).matches();
  }

  /** Whether this is the tenant's GUID (rather than one of its domains or an alias). */
  public boolean isGuid() {
    return GUID.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
