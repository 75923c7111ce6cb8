package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A JDK HttpClient that trusts only the emulator's CA, with short timeouts. */
final class EmulatorHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final EntraEmulator emulator;
  private final HttpClient client;

  EmulatorHttp(EntraEmulator emulator) {
    this.emulator = emulator;
    this.client =
        HttpClient.newBuilder()
            .sslContext(emulator.clientSslContext())
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
  }

  /**
   * The form MSAL4J sends for the sandbox service principal and the public-cloud Power BI scope.
   */
  static Map<String, String> clientCredentialsForm() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_info", "1");
    form.put("grant_type", "client_credentials");
    form.put("client_id", SandboxDirectory.CONFIDENTIAL_CLIENT_ID);
    form.put("client_secret", SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET);
    form.put("scope", SandboxDirectory.POWER_BI_DEFAULT_SCOPE + " openid profile offline_access");
    return form;
  }

  static Map<String, String> with(Map<String, String> form, String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(form);
    if (value == null) {
      changed.remove(name);
    } else {
      changed.put(name, value);
    }
    return changed;
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri(pathAndQuery)).timeout(REQUEST_TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postToken(Map<String, String> form)
      throws IOException, InterruptedException {
    return send(tokenRequest(SandboxDirectory.TENANT_ID, form, REQUEST_TIMEOUT).build());
  }

  HttpRequest.Builder tokenRequest(String tenant, Map<String, String> form, Duration timeout) {
    return HttpRequest.newBuilder(emulator.tokenEndpoint(tenant))
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpClient client() {
    return client;
  }

  private URI uri(String pathAndQuery) {
    return URI.create(emulator.baseUri() + pathAndQuery);
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            field ->
                URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
