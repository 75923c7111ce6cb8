package io.github.pbitoken.tests.entra;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/**
 * Plays one scripted fault on an exchange. Every {@link Fault} variant is handled here; a new
 * variant needs a branch (and FaultTest checks they all behave).
 */
final class FaultInjector {
  private FaultInjector() {}

  /**
   * Plays {@code fault}. Returns true when the exchange is finished (answered or dropped), false
   * when the endpoint should now answer normally.
   */
  static boolean play(
      Fault fault, HttpExchange exchange, EntraRequest request, HeldExchanges.Hold hold)
      throws IOException, InterruptedException {
    if (fault instanceof Fault.Delay delay) {
      hold.await(delay.delay());
      return false;
    }
    if (fault instanceof Fault.DropConnection) {
      exchange.close(); // before any response header: the JDK server just closes the socket
      return true;
    }
    if (fault instanceof Fault.NoResponse) {
      hold.awaitRelease();
      exchange.close();
      return true;
    }
    ReplyWriter.send(exchange, request, replyFor(fault, request));
    return true;
  }

  private static Reply replyFor(Fault fault, EntraRequest request) {
    if (fault instanceof Fault.ErrorResponse error) {
      return new EntraError(error.status(), error.error(), error.aadstsCode(), error.message())
          .toReply(request);
    }
    if (fault instanceof Fault.StatusResponse status) {
      Reply reply = EntraError.forStatus(status.status()).toReply(request);
      return status
          .retryAfterHeader()
          .map(
              retryAfter ->
                  new Reply(
                      reply.status(),
                      reply.contentType(),
                      reply.body(),
                      Map.of("Retry-After", Long.toString(retryAfter.toSeconds()))))
          .orElse(reply);
    }
    if (fault instanceof Fault.MalformedResponse malformed) {
      return new Reply(200, malformed.contentType(), malformed.body(), Map.of());
    }
    throw new IllegalStateException("no reply defined for fault " + fault);
  }
}
