package io.github.pbitoken.tests.entra;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Sends a reply with the headers every Entra ID answer carries. */
final class ReplyWriter {
  private ReplyWriter() {}

  static void send(HttpExchange exchange, EntraRequest request, Reply reply) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", reply.contentType());
    headers.set("Cache-Control", "no-store, no-cache");
    headers.set("Pragma", "no-cache");
    headers.set("x-ms-request-id", request.traceId());
    request
        .received()
        .header("client-request-id")
        .ifPresent(clientRequestId -> headers.set("client-request-id", clientRequestId));
    reply.headers().forEach(headers::set);
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
