package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

/**
 * An error as Entra ID's v2 endpoints return it. The factories hold the catalogue of the errors the
 * emulator produces, worded as Entra ID words them.
 */
record EntraError(int status, String error, int aadstsCode, String message) {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  EntraError {
    Objects.requireNonNull(error, "error must not be null");
    Objects.requireNonNull(message, "message must not be null");
  }

  static EntraError tenantNotFound(String tenant) {
    return new EntraError(
        400,
        "invalid_tenant",
        90002,
        "Tenant '"
            + tenant
            + "' not found. Check to make sure you have the correct tenant ID and are signing into"
            + " the correct cloud. Check with your subscription administrator, this may happen if"
            + " there are no active subscriptions for the tenant.");
  }

  static EntraError tenantInOtherCloud(String tenant, String thisInstance) {
    return new EntraError(
        400,
        "invalid_request",
        90038,
        "NationalCloudTenantRedirection: The specified tenant '"
            + tenant
            + "' belongs to another cloud. Current cloud instance '"
            + thisInstance
            + "'.");
  }

  static EntraError noTenantInformation() {
    return new EntraError(
        400,
        "invalid_request",
        50059,
        "No tenant-identifying information found in either the request or implied by any provided"
            + " credentials.");
  }

  static EntraError unknownInstance() {
    return new EntraError(400, "invalid_instance", 50049, "Unknown or invalid instance.");
  }

  static EntraError missingParameter(String name) {
    return new EntraError(
        400,
        "invalid_request",
        900144,
        "The request body must contain the following parameter: '" + name + "'.");
  }

  static EntraError postOnly(String method) {
    return new EntraError(
        400,
        "invalid_request",
        900561,
        "The endpoint only accepts POST requests. Received a " + method + " request.");
  }

  static EntraError unsupportedGrantType(String grantType) {
    return new EntraError(
        400,
        "unsupported_grant_type",
        70003,
        "The app requested an unsupported grant type '" + grantType + "'.");
  }

  static EntraError applicationNotFound(String clientId, Tenant tenant) {
    return new EntraError(
        400,
        "unauthorized_client",
        700016,
        "Application with identifier '"
            + clientId
            + "' was not found in the directory '"
            + tenant.displayName()
            + "'. This can happen if the application has not been installed by the administrator"
            + " of the tenant or consented to by any user in the tenant. You may have sent your"
            + " authentication request to the wrong tenant.");
  }

  static EntraError clientCredentialMissing() {
    return new EntraError(
        400,
        "invalid_client",
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or"
            + " 'client_secret'.");
  }

  static EntraError publicClientPresentedCredential() {
    return new EntraError(
        400,
        "invalid_client",
        700025,
        "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.");
  }

  static EntraError invalidClientSecret(String clientId) {
    return new EntraError(
        401,
        "invalid_client",
        7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the"
            + " client secret value, not the client secret ID, for a secret added to app '"
            + clientId
            + "'.");
  }

  static EntraError clientAssertionNotVerifiable() {
    return new EntraError(
        401,
        "invalid_client",
        700027,
        "Client assertion failed signature validation. (The emulator has no certificate"
            + " registered for this app.)");
  }

  static EntraError clientAssertionSignatureInvalid(String clientId) {
    return new EntraError(
        401,
        "invalid_client",
        700027,
        "Client assertion failed signature validation. [Reason - The key was not found., Thumbprint"
            + " of key used by client: not registered] Upload the certificate to app '"
            + clientId
            + "'.");
  }

  static EntraError clientAssertionOutsideValidTime() {
    return new EntraError(
        401, "invalid_client", 700024, "Client assertion is not within its valid time range.");
  }

  static EntraError noMatchingFederatedCredential(String issuer, String subject, String audience) {
    return new EntraError(
        400,
        "invalid_request",
        70021,
        "No matching federated identity record found for presented assertion. Assertion Issuer: '"
            + issuer
            + "'. Assertion Subject: '"
            + subject
            + "'. Assertion Audience: '"
            + audience
            + "'.");
  }

  static EntraError invalidAssertion(String message) {
    return new EntraError(401, "invalid_client", 50013, message);
  }

  static EntraError appOnlyScopeNotDefault(String scope) {
    return new EntraError(
        400,
        "invalid_scope",
        1002012,
        "The provided value for scope "
            + scope
            + " is not valid. Client credential flows must have a scope value with /.default"
            + " suffixed to the resource identifier (application ID URI).");
  }

  static EntraError moreThanOneResource(String scope) {
    return new EntraError(
        400,
        "invalid_scope",
        28000,
        "Provided value for the input parameter scope is not valid because it contains more than"
            + " one resource. Scope "
            + scope
            + " is not valid.");
  }

  static EntraError resourceNotFound(String resource, Tenant tenant) {
    return new EntraError(
        400,
        "invalid_resource",
        500011,
        "The resource principal named "
            + resource
            + " was not found in the tenant named "
            + tenant.displayName()
            + ". This can happen if the application has not been installed by the administrator"
            + " of the tenant or consented to by any user in the tenant. You might have sent your"
            + " authentication request to the wrong tenant.");
  }

  /** The error a bare status code stands for, used by {@link Fault#status(int)}. */
  static EntraError forStatus(int status) {
    if (status == 429) {
      return new EntraError(
          status, "temporarily_unavailable", 90055, "There are too many incoming requests.");
    }
    if (status >= 500) {
      return new EntraError(
          status,
          "server_error",
          50000,
          "There was an error issuing a token or an issue with our sign-in service.");
    }
    return new EntraError(status, "invalid_request", 90100, "The request is not valid.");
  }

  Reply toReply(EntraRequest request) {
    String timestamp = TIMESTAMP.format(request.receivedAt());
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put(
        "error_description",
        "AADSTS"
            + aadstsCode
            + ": "
            + message
            + " Trace ID: "
            + request.traceId()
            + " Correlation ID: "
            + request.correlationId()
            + " Timestamp: "
            + timestamp);
    body.putArray("error_codes").add(aadstsCode);
    body.put("timestamp", timestamp);
    body.put("trace_id", request.traceId());
    body.put("correlation_id", request.correlationId());
    body.put("error_uri", request.baseUri() + "/error?code=" + aadstsCode);
    return Reply.json(status, body, Map.of());
  }
}
