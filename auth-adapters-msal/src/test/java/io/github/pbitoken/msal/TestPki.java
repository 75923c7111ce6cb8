package io.github.pbitoken.msal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throw-away CA and a server certificate it signed (for {@code localhost} only), made with the
 * JDK's {@code keytool}: never installed anywhere, trusted only through the adapter's bundle.
 */
final class TestPki {
  private static final String PASSWORD = "test-only-keystore";

  final Path caPem;
  final Path serverKeyStore;

  private TestPki(Path caPem, Path serverKeyStore) {
    this.caPem = caPem;
    this.serverKeyStore = serverKeyStore;
  }

  static TestPki create(Path dir) throws IOException, InterruptedException {
    Path ca = dir.resolve("ca.p12");
    Path caPem = dir.resolve("ca.pem");
    Path server = dir.resolve("server.p12");
    Path csr = dir.resolve("server.csr");
    Path serverPem = dir.resolve("server.pem");
    Path chain = dir.resolve("chain.pem");
    keytool(
        dir,
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=pbi-token test CA",
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        ca.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);
    writePem(ca, "ca", caPem);
    keytool(
        dir,
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-validity",
        "2",
        "-keystore",
        server.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);
    keytool(
        dir,
        "-certreq",
        "-alias",
        "server",
        "-keystore",
        server.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        csr.toString());
    keytool(
        dir,
        "-gencert",
        "-alias",
        "ca",
        "-keystore",
        ca.toString(),
        "-storepass",
        PASSWORD,
        "-infile",
        csr.toString(),
        "-outfile",
        serverPem.toString(),
        "-rfc",
        "-ext",
        "san=dns:localhost",
        "-validity",
        "2");
    Files.writeString(chain, Files.readString(serverPem) + Files.readString(caPem));
    keytool(
        dir,
        "-importcert",
        "-noprompt",
        "-alias",
        "server",
        "-keystore",
        server.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        chain.toString());
    return new TestPki(caPem, server);
  }

  /** The server side: presents the CA-signed {@code localhost} certificate. */
  SSLContext serverContext() throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load(serverKeyStore), PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static KeyStore load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private static void writePem(Path keyStore, String alias, Path pem) throws IOException {
    try {
      String base64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(load(keyStore).getCertificate(alias).getEncoded());
      Files.writeString(
          pem, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC")); // starts faster
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(
            "keytool " + args[0] + " failed: " + new String(output, StandardCharsets.UTF_8));
      }
    } finally {
      process.destroyForcibly();
    }
  }
}
