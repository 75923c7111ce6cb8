package io.github.pbitoken.tests.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP CONNECT proxy on 127.0.0.1 for tests: it asks for Basic credentials (407) when given
 * some, records every CONNECT it tunnels, and pipes bytes both ways without looking into the TLS
 * inside. Tunnels only to 127.0.0.1.
 */
final class ConnectProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String expectedAuthorization;
  private final List<String> tunnels = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  private ConnectProxy(ServerSocket server, String expectedAuthorization) {
    this.server = server;
    this.expectedAuthorization = expectedAuthorization;
  }

  /** A proxy requiring {@code user}/{@code password} (Basic), or none when user is null. */
  static ConnectProxy start(String user, String password) throws IOException {
    ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    String expected =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    ConnectProxy proxy = new ConnectProxy(server, expected);
    Thread acceptor = new Thread(proxy::acceptLoop, "connect-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
    return proxy;
  }

  int port() {
    return server.getLocalPort();
  }

  /** The {@code host:port} of every CONNECT tunnelled. */
  List<String> tunnels() {
    return List.copyOf(tunnels);
  }

  /** The {@code host:port} of every CONNECT refused for missing or wrong credentials. */
  List<String> refused() {
    return List.copyOf(refused);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        Thread handler = new Thread(() -> handle(client), "connect-proxy-client");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      List<String> head = readHead(in);
      if (head.isEmpty() || !head.get(0).startsWith("CONNECT ")) {
        reply(out, "HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\n\r\n");
        client.close();
        return;
      }
      String target = head.get(0).split(" ")[1];
      String authorization =
          head.stream()
              .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("proxy-authorization:"))
              .map(line -> line.substring(line.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(null);
      if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
        refused.add(target);
        reply(
            out,
            "HTTP/1.1 407 Proxy Authentication Required\r\n"
                + "Proxy-Authenticate: Basic realm=\"sandbox proxy\"\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        client.close();
        return;
      }
      int colon = target.lastIndexOf(':');
      Socket upstream =
          new Socket(
              InetAddress.getLoopbackAddress(), Integer.parseInt(target.substring(colon + 1)));
      sockets.add(upstream);
      tunnels.add(target);
      reply(out, "HTTP/1.1 200 Connection Established\r\n\r\n");
      Thread upload = new Thread(() -> pipe(in, upstream), "connect-proxy-up");
      upload.setDaemon(true);
      upload.start();
      pipe(upstream.getInputStream(), client);
    } catch (IOException | RuntimeException ended) {
      // the client or the server hung up: the tunnel is over
    }
  }

  private static void pipe(InputStream from, Socket to) {
    try {
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = from.read(buffer)) != -1) {
        out.write(buffer, 0, read);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException ended) {
      // one side closed
    }
  }

  private static List<String> readHead(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while (matched < 4 && (b = in.read()) != -1 && bytes.size() < 16_384) {
      bytes.write(b);
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
    }
    return bytes.toString(StandardCharsets.ISO_8859_1).lines().filter(l -> !l.isEmpty()).toList();
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
