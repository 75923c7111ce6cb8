package io.github.pbitoken.core.domain;

/** Where a token came from: a round trip to the identity provider, or a cache. */
public enum TokenSource {
  IDENTITY_PROVIDER,
  CACHE
}
