package io.github.pbitoken.core.domain;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The national clouds that host Power BI, each with its Entra ID authority host, the Power BI
 * resource (the walkthrough's {@code resourceUri}) and the REST API root. Germany closed in 2021.
 */
public enum Cloud {
  PUBLIC(
      "public",
      "login.microsoftonline.com",
      "https://analysis.windows.net/powerbi/api",
      "https://api.powerbi.com"),
  USGOV(
      "usgov",
      "login.microsoftonline.com",
      "https://analysis.usgovcloudapi.net/powerbi/api",
      "https://api.powerbigov.us"),
  USGOVHIGH(
      "usgovhigh",
      "login.microsoftonline.us",
      "https://high.analysis.usgovcloudapi.net/powerbi/api",
      "https://api.high.powerbigov.us"),
  USGOVDOD(
      "usgovdod",
      "login.microsoftonline.us",
      "https://mil.analysis.usgovcloudapi.net/powerbi/api",
      "https://api.mil.powerbigov.us"),
  CHINA(
      "china",
      "login.chinacloudapi.cn",
      "https://analysis.chinacloudapi.cn/powerbi/api",
      "https://api.powerbi.cn");

  private final String configName;
  private final String authorityHost;
  private final URI powerBiResource;
  private final URI apiRoot;

  Cloud(String configName, String authorityHost, String powerBiResource, String apiRoot) {
    this.configName = configName;
    this.authorityHost = authorityHost;
    this.powerBiResource = URI.create(powerBiResource);
    this.apiRoot = URI.create(apiRoot);
  }

  /** The name used in configuration, e.g. {@code usgovhigh}. */
  public String configName() {
    return configName;
  }

  /** The Entra ID host that signs users and apps in for this cloud, without scheme. */
  public String authorityHost() {
    return authorityHost;
  }

  /** The v1 resource of Power BI in this cloud: the token's audience. */
  public URI powerBiResource() {
    return powerBiResource;
  }

  /** Root of the Power BI REST API in this cloud. */
  public URI apiRoot() {
    return apiRoot;
  }

  /** {@code <resource>/.default}: every permission the app was granted for Power BI. */
  public Scope defaultScope() {
    return Scope.of(powerBiResource + "/.default");
  }

  /**
   * A scope for Power BI in this cloud: a bare permission such as {@code Dataset.ReadWrite.All} or
   * {@code .default} is expanded to the resource's full scope name; a full URI is kept as is.
   */
  public Scope scope(String permissionOrUri) {
    if (permissionOrUri.contains("://")) {
      return Scope.of(permissionOrUri);
    }
    return Scope.of(powerBiResource + "/" + permissionOrUri);
  }

  /** The cloud named {@code name} in configuration (case-insensitive). */
  public static Cloud fromConfigName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(cloud -> cloud.configName.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "cloud must be one of " + names() + ", was '" + name + "'"));
  }

  /** The configuration names of all clouds, for messages. */
  public static String names() {
    return Arrays.stream(values()).map(Cloud::configName).collect(Collectors.joining(", "));
  }
}
