package io.github.pbitoken.tests.sandbox;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.EntraEmulator;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The offline sandbox: starts the local Entra ID emulator, writes a config file for it, and runs
 * the real pbi-token console app (real MSAL adapter, real HTTPS) against it.
 *
 * <p>{@code mvn -q -Psandbox -DskipTests verify}, or with other arguments: {@code
 * -Dsandbox.args="--output header"}.
 */
public final class Sandbox {
  private Sandbox() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    PrintStream err = System.err;
    Path dir =
        Files.createDirectories(
            Path.of(System.getProperty("sandbox.dir", "target/sandbox")).toAbsolutePath());
    int exitCode;
    try (EntraEmulator emulator = EntraEmulator.start(0)) {
      Path ca = emulator.writeCaCertificatePem(dir.resolve("entra-emulator-ca.pem"));
      Path config = Files.writeString(dir.resolve("sandbox.conf"), config(emulator, ca));
      List<String> pbiTokenArgs = new ArrayList<>(List.of("--config", config.toString()));
      pbiTokenArgs.addAll(Arrays.asList(args));

      err.println("sandbox: Entra ID emulator at " + emulator.baseUri() + " (offline, 127.0.0.1)");
      err.println("sandbox: config written to " + config);
      err.println("sandbox: running pbi-token " + String.join(" ", pbiTokenArgs));
      exitCode = Main.run(pbiTokenArgs.toArray(String[]::new), Map.of(), out, err);
      err.println(
          "sandbox: pbi-token exited with "
              + exitCode
              + " after "
              + emulator.requestCount()
              + " request(s) to the emulator");
    }
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /** What a user would write for a real tenant, pointed at the emulator instead. */
  static String config(EntraEmulator emulator, Path ca) {
    return String.join(
        "\n",
        "# Written by the pbi-token sandbox: a service principal in the emulator's sandbox tenant.",
        "pbi-token {",
        "  flow = client-secret",
        "  authority-host = \"" + emulator.authorityHost() + "\"",
        "  trust-store = \"" + ca + "\"",
        "  tenant-id = \"" + SandboxDirectory.TENANT_ID + "\"",
        "  client-id = \"" + SandboxDirectory.CONFIDENTIAL_CLIENT_ID + "\"",
        "  # A sandbox secret; for a real tenant, prefer PBI_TOKEN_CLIENT_SECRET in the environment.",
        "  client-secret = \"" + SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET + "\"",
        "  # The persistent token cache stays in the sandbox directory, not in your home.",
        "  token-cache.file = \"" + ca.resolveSibling("msal-token-cache.json") + "\"",
        "}",
        "");
  }
}
