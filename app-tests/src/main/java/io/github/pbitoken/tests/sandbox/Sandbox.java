package io.github.pbitoken.tests.sandbox;

import io.github.pbitoken.console.Main;
import io.github.pbitoken.tests.entra.DeviceCodeOutcome;
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
 * -Dsandbox.args="--output header"}; a user flow with {@code -Dsandbox.args="--flow device-code"}
 * (or {@code interactive}, {@code username-password}): the emulator approves as alice.
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
      // a new emulator (new keys, new port) each run: yesterday's cached sign-ins mean nothing here
      Files.deleteIfExists(dir.resolve("msal-token-cache.json"));
      List<String> rest = new ArrayList<>(Arrays.asList(args));
      String flow = takeFlow(rest);
      // the emulated person approves a device code after one "pending" poll (about a second)
      emulator.scriptDeviceCode(DeviceCodeOutcome.APPROVED, 1);
      Path config =
          Files.writeString(dir.resolve("sandbox.conf"), SandboxConfigs.config(emulator, ca, flow));
      List<String> pbiTokenArgs = new ArrayList<>(List.of("--config", config.toString()));
      pbiTokenArgs.addAll(rest);

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

  /** Removes {@code --flow NAME} from the arguments: the sandbox's own option, not pbi-token's. */
  private static String takeFlow(List<String> args) {
    int at = args.indexOf("--flow");
    if (at < 0 || at + 1 >= args.size()) {
      return "client-secret";
    }
    String flow = args.get(at + 1);
    args.subList(at, at + 2).clear();
    return flow;
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
