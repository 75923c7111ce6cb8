package io.github.pbitoken.tests.e2e;

import io.github.pbitoken.tests.entra.EntraEmulator;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JVM's one emulator (MSAL4J keeps per-host state in statics) and config files pointing at it,
 * as a user would write them for a real tenant.
 */
public final class EmulatorFixture {
  private static Path caFile;

  private EmulatorFixture() {}

  public static EntraEmulator emulator() {
    return EntraEmulator.shared();
  }

  /** The emulator's CA as a PEM file, written once per JVM. */
  public static synchronized Path caFile() {
    if (caFile == null) {
      try {
        Path dir = Files.createTempDirectory("pbi-token-emulator");
        caFile = emulator().writeCaCertificatePem(dir.resolve("ca.pem"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return caFile;
  }

  /**
   * A config for the sandbox service principal, with {@code extra} HOCON lines appended. The
   * persistent token cache is off (tests must not touch the user's home); turn it on with {@link
   * #persistentCache}.
   */
  public static String clientSecretConfig(String secret, String... extra) {
    StringBuilder config =
        new StringBuilder()
            .append("pbi-token {\n")
            .append("  authority-host = \"")
            .append(emulator().authorityHost())
            .append("\"\n")
            .append("  trust-store = \"")
            .append(caFile())
            .append("\"\n")
            .append("  tenant-id = \"")
            .append(SandboxDirectory.TENANT_ID)
            .append("\"\n")
            .append("  client-id = \"")
            .append(SandboxDirectory.CONFIDENTIAL_CLIENT_ID)
            .append("\"\n")
            .append("  client-secret = \"")
            .append(secret)
            .append("\"\n")
            .append("  token-cache.enabled = false\n");
    for (String line : extra) {
      config.append("  ").append(line).append('\n');
    }
    return config.append("}\n").toString();
  }

  /**
   * A config for the sandbox service principal without any credential: the test adds the one it
   * exercises (certificate, assertion) as {@code extra} HOCON lines.
   */
  public static String servicePrincipalConfig(String... extra) {
    StringBuilder config =
        new StringBuilder()
            .append("pbi-token {\n")
            .append("  authority-host = \"")
            .append(emulator().authorityHost())
            .append("\"\n")
            .append("  trust-store = \"")
            .append(caFile())
            .append("\"\n")
            .append("  tenant-id = \"")
            .append(SandboxDirectory.TENANT_ID)
            .append("\"\n")
            .append("  client-id = \"")
            .append(SandboxDirectory.CONFIDENTIAL_CLIENT_ID)
            .append("\"\n")
            .append("  token-cache.enabled = false\n");
    for (String line : extra) {
      config.append("  ").append(line).append('\n');
    }
    return config.append("}\n").toString();
  }

  /** A HOCON string literal for a path (backslashes and quotes escaped). */
  public static String quoted(Path path) {
    return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  public static Path write(Path dir, String config) {
    try {
      return Files.writeString(Files.createTempFile(dir, "pbi-token", ".conf"), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** HOCON lines that turn the persistent token cache on, in {@code file}. */
  public static String[] persistentCache(Path file) {
    return new String[] {"token-cache.enabled = true", "token-cache.file = \"" + file + "\""};
  }

  /**
   * A config for a user flow ({@code device-code}, ...) with the sandbox public client, the cache
   * off unless {@code extra} turns it on.
   */
  public static String userFlowConfig(String flow, String... extra) {
    StringBuilder config =
        new StringBuilder()
            .append("pbi-token {\n")
            .append("  flow = ")
            .append(flow)
            .append('\n')
            .append("  authority-host = \"")
            .append(emulator().authorityHost())
            .append("\"\n")
            .append("  trust-store = \"")
            .append(caFile())
            .append("\"\n")
            .append("  tenant-id = \"")
            .append(SandboxDirectory.TENANT_ID)
            .append("\"\n")
            .append("  client-id = \"")
            .append(SandboxDirectory.PUBLIC_CLIENT_ID)
            .append("\"\n")
            .append("  token-cache.enabled = false\n");
    for (String line : extra) {
      config.append("  ").append(line).append('\n');
    }
    return config.append("}\n").toString();
  }
}
