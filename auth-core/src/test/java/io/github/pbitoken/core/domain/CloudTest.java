package io.github.pbitoken.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CloudTest {

  @ParameterizedTest
  @CsvSource({
    "public,    login.microsoftonline.com, https://analysis.windows.net/powerbi/api,              https://api.powerbi.com",
    "usgov,     login.microsoftonline.com, https://analysis.usgovcloudapi.net/powerbi/api,       https://api.powerbigov.us",
    "usgovhigh, login.microsoftonline.us,  https://high.analysis.usgovcloudapi.net/powerbi/api,  https://api.high.powerbigov.us",
    "usgovdod,  login.microsoftonline.us,  https://mil.analysis.usgovcloudapi.net/powerbi/api,   https://api.mil.powerbigov.us",
    "china,     login.chinacloudapi.cn,    https://analysis.chinacloudapi.cn/powerbi/api,        https://api.powerbi.cn"
  })
  void matchesThePublishedTable(String name, String host, String resource, String api) {
    Cloud cloud = Cloud.fromConfigName(name);

    assertEquals(host, cloud.authorityHost());
    assertEquals(URI.create(resource), cloud.powerBiResource());
    assertEquals(URI.create(api), cloud.apiRoot());
    assertEquals(resource + "/.default", cloud.defaultScope().toString());
  }

  @Test
  void expandsBarePermissionsToTheCloudsResource() {
    assertEquals(
        "https://analysis.chinacloudapi.cn/powerbi/api/Dataset.ReadWrite.All",
        Cloud.CHINA.scope("Dataset.ReadWrite.All").toString());
    assertEquals(Cloud.PUBLIC.defaultScope(), Cloud.PUBLIC.scope(".default"));
  }

  @Test
  void keepsFullScopeUrisAsGiven() {
    String full = "https://analysis.windows.net/powerbi/api/Workspace.Read.All";
    assertEquals(full, Cloud.USGOV.scope(full).toString());
  }

  @ParameterizedTest
  @EnumSource(Cloud.class)
  void namesRoundTrip(Cloud cloud) {
    assertSame(cloud, Cloud.fromConfigName(cloud.configName().toUpperCase()));
  }

  @Test
  void rejectsUnknownCloudsListingTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cloud.fromConfigName("germany"));
    assertTrue(
        e.getMessage().contains("public, usgov, usgovhigh, usgovdod, china"), e.getMessage());
  }
}
