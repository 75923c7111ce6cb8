package io.github.pbitoken.tests.entra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's single HTTP handler: records the request, finds its route, plays a scripted fault
 * if the route takes them, and sends the endpoint's reply. Logs method, path and status only: never
 * a body, query, header, secret or token.
 */
final class EntraHttpHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(EntraHttpHandler.class);
  private static final int MAX_BODY_BYTES = 1 << 20;

  private final URI baseUri;
  private final Clock clock;
  private final EmulatorState state;
  private final List<Route> routes;

  EntraHttpHandler(URI baseUri, Clock clock, EmulatorState state, List<Route> routes) {
    this.baseUri = baseUri;
    this.clock = clock;
    this.state = state;
    this.routes = List.copyOf(routes);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      serve(exchange);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException bug) {
      log.debug("emulator failed on {}", exchange.getRequestURI().getPath(), bug);
      throw bug;
    } finally {
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange) throws IOException, InterruptedException {
    HeldExchanges.Hold hold = state.heldExchanges().arrive();
    RecordedRequest received = receive(exchange);
    Optional<Route> route = routes.stream().filter(r -> r.matches(received.path())).findFirst();
    // Take the fault before recording the request: once a test sees the request, its fault is
    // already playing, and a reset can no longer take it away.
    Optional<Fault> fault = route.filter(Route::acceptsFaults).flatMap(r -> state.nextTokenFault());
    state.journal().record(received);
    log.debug("{} {}", received.method(), received.path());

    String tenantSegment = route.flatMap(r -> r.tenantSegmentOf(received.path())).orElse("");
    EntraRequest request = entraRequest(received, tenantSegment);
    if (fault.isPresent() && FaultInjector.play(fault.get(), exchange, request, hold)) {
      log.debug("{} {} -> scripted {}", received.method(), received.path(), fault.get());
      return;
    }
    Reply reply = route.isPresent() ? route.get().endpoint().handle(request) : notFound(request);
    ReplyWriter.send(exchange, request, reply);
    log.debug("{} {} -> {}", received.method(), received.path(), reply.status());
  }

  private EntraRequest entraRequest(RecordedRequest received, String tenantSegment) {
    String correlationId =
        received.header("client-request-id").filter(id -> !id.isBlank()).orElseGet(Ids::randomGuid);
    return new EntraRequest(received, tenantSegment, Ids.randomGuid(), correlationId, baseUri);
  }

  private static Reply notFound(EntraRequest request) {
    return Reply.json(
        404,
        Json.object()
            .put("error", "not_found")
            .put(
                "error_description",
                "The Entra ID emulator has no endpoint "
                    + request.received().method()
                    + " "
                    + request.received().path()
                    + "."),
        Map.of());
  }

  private RecordedRequest receive(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES);
    }
    String contentType =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
    Map<String, String> form =
        contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
            ? FormData.parse(new String(body, StandardCharsets.UTF_8))
            : Map.of();
    URI uri = exchange.getRequestURI();
    return new RecordedRequest(
        clock.instant(),
        exchange.getRequestMethod(),
        uri.getPath() == null ? "/" : uri.getPath(),
        uri.getRawQuery() == null ? "" : uri.getRawQuery(),
        exchange.getRequestHeaders(),
        form);
  }
}
