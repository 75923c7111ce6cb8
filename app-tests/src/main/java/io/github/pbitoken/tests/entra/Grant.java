package io.github.pbitoken.tests.entra;

/** One OAuth 2.0 grant the token endpoint supports, chosen by the request's {@code grant_type}. */
interface Grant {
  String grantType();

  Reply handle(EntraRequest request, Authority authority);
}
