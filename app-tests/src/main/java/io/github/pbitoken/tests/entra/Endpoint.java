package io.github.pbitoken.tests.entra;

/** One Entra ID endpoint: turns a request into the reply Entra ID would give. */
interface Endpoint {
  Reply handle(EntraRequest request);
}
