package io.github.pbitoken.console.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every key pbi-token reads, with the environment variables that set it and whether it is secret.
 * Defaults live in {@code reference.conf} only; this is the catalog of names.
 */
public enum SettingKey {
  FLOW("flow"),
  CLOUD("cloud"),
  AUTHORITY_HOST("authority-host", "AZURE_AUTHORITY_HOST"),
  TENANT_ID("tenant-id", "AZURE_TENANT_ID"),
  CLIENT_ID("client-id", "AZURE_CLIENT_ID"),
  CLIENT_SECRET("client-secret", "AZURE_CLIENT_SECRET"),
  SCOPES("scopes"),
  OUTPUT("output"),
  TRUST_STORE("trust-store"),
  HTTP_CONNECT_TIMEOUT("http.connect-timeout"),
  HTTP_READ_TIMEOUT("http.read-timeout"),
  HTTP_ACQUIRE_TIMEOUT("http.acquire-timeout"),
  HTTP_MAX_ATTEMPTS("http.max-attempts"),
  TOKEN_REFRESH_BEFORE("token.refresh-before"),
  TOKEN_MIN_REMAINING_LIFETIME("token.min-remaining-lifetime"),
  TOKEN_FAILURE_BACKOFF("token.failure-backoff"),
  TOKEN_CACHE_ENABLED("token-cache.enabled"),
  TOKEN_CACHE_FILE("token-cache.file"),
  PROMPT("prompt"),
  SIGN_IN_TIMEOUT("sign-in-timeout"),
  USERNAME("username"),
  PASSWORD("password"),
  CLIENT_CERTIFICATE("client-certificate", "AZURE_CLIENT_CERTIFICATE_PATH"),
  CLIENT_CERTIFICATE_PASSWORD("client-certificate-password", "AZURE_CLIENT_CERTIFICATE_PASSWORD"),
  SEND_CERTIFICATE_CHAIN("send-certificate-chain", "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN"),
  FEDERATED_TOKEN_FILE("federated-token-file", "AZURE_FEDERATED_TOKEN_FILE"),
  CLIENT_ASSERTION("client-assertion"),
  TRUST_STORE_PASSWORD("trust-store-password"),
  MANAGED_IDENTITY_CLIENT_ID("managed-identity-client-id"),
  MANAGED_IDENTITY_RESOURCE_ID("managed-identity-resource-id"),
  MANAGED_IDENTITY_OBJECT_ID("managed-identity-object-id"),
  HTTPS_PROXY("https-proxy", "HTTPS_PROXY", "https_proxy"),
  HTTPS_PROXY_PASSWORD("https-proxy-password"),
  NO_PROXY("no-proxy", "NO_PROXY", "no_proxy");

  public static final String ROOT = "pbi-token";

  private final String relativePath;
  private final List<String> azureSdkVariables;

  SettingKey(String relativePath, String... azureSdkVariables) {
    this.relativePath = relativePath;
    this.azureSdkVariables = List.of(azureSdkVariables);
  }

  /** The full HOCON path, e.g. {@code pbi-token.http.connect-timeout}. */
  public String path() {
    return ROOT + "." + relativePath;
  }

  /** The path below {@code pbi-token}, e.g. {@code http.connect-timeout}. */
  public String relativePath() {
    return relativePath;
  }

  /**
   * {@code PBI_TOKEN_} plus the path in UPPER_SNAKE, e.g. {@code PBI_TOKEN_HTTP_CONNECT_TIMEOUT}.
   */
  public String environmentVariable() {
    return "PBI_TOKEN_" + relativePath.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** The Azure SDK's variables for this key, weaker than {@link #environmentVariable()}. */
  public List<String> azureSdkVariables() {
    return azureSdkVariables;
  }

  /** Whether the value must never be shown. */
  public boolean isSecret() {
    return this == CLIENT_SECRET
        || this == PASSWORD
        || this == CLIENT_CERTIFICATE_PASSWORD
        || this == CLIENT_ASSERTION
        || this == TRUST_STORE_PASSWORD
        || this == HTTPS_PROXY_PASSWORD;
  }

  public static Optional<SettingKey> byRelativePath(String relativePath) {
    return Arrays.stream(values()).filter(k -> k.relativePath.equals(relativePath)).findFirst();
  }
}
