package io.github.pbitoken.tests.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /common/userrealm/<username>?api-version=1.0}: MSAL asks it before the password grant
 * whether the user's domain is federated. Every sandbox domain is managed (no ADFS round trip).
 */
final class UserRealmEndpoint implements Endpoint {
  @Override
  public Reply handle(EntraRequest request) {
    String path = request.received().path();
    String username = path.substring(path.lastIndexOf('/') + 1);
    ObjectNode body = Json.object();
    body.put("ver", "1.0");
    body.put("account_type", "Managed");
    body.put("domain_name", username.substring(username.indexOf('@') + 1));
    body.put("cloud_instance_name", "microsoftonline.com");
    body.put("cloud_audience_urn", "urn:federation:MicrosoftOnline");
    return Reply.ok(body);
  }
}
