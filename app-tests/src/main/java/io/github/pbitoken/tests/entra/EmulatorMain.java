package io.github.pbitoken.tests.entra;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Entra ID emulator on its own until killed, and prints how to reach it: base URL, CA
 * file, the sandbox tenant and service principal, and a curl command that gets a token.
 */
public final class EmulatorMain {
  private static final int EXIT_USAGE = 64;

  private EmulatorMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    EmulatorOptions options;
    try {
      options = EmulatorOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(EmulatorOptions.USAGE);
      System.exit(EXIT_USAGE);
      return;
    }
    if (options.help()) {
      System.out.print(EmulatorOptions.USAGE);
      return;
    }
    EntraEmulator emulator = start(options, System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "entra-emulator-shutdown"));
    new CountDownLatch(1).await();
  }

  /** Starts the emulator, writes the CA file and prints the instructions; the caller stops it. */
  static EntraEmulator start(EmulatorOptions options, PrintStream out) throws IOException {
    EntraEmulator emulator = EntraEmulator.start(options.port());
    try {
      Path caFile = emulator.writeCaCertificatePem(options.caFile());
      out.print(instructions(emulator, caFile));
      out.flush();
      return emulator;
    } catch (IOException | RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  static String instructions(EntraEmulator emulator, Path caFile) {
    String tenant = SandboxDirectory.TENANT_ID;
    return String.join(
        "\n",
        "Entra ID emulator running (stop with Ctrl+C)",
        "  base URL       " + emulator.baseUri(),
        "  authority      " + emulator.authority(tenant),
        "  CA certificate " + caFile,
        "  tenant         " + tenant + " (" + SandboxDirectory.TENANT_DOMAIN + ")",
        "  client id      " + SandboxDirectory.CONFIDENTIAL_CLIENT_ID,
        "  client secret  " + SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET,
        "",
        "Get a Power BI token:",
        "  curl --cacert "
            + shellQuoted(caFile.toString())
            + " -d grant_type=client_credentials -d client_id="
            + SandboxDirectory.CONFIDENTIAL_CLIENT_ID
            + " -d "
            + shellQuoted("client_secret=" + SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET)
            + " --data-urlencode "
            + shellQuoted("scope=" + SandboxDirectory.POWER_BI_DEFAULT_SCOPE)
            + " "
            + emulator.tokenEndpoint(tenant),
        "",
        "Or with pbi-token (after mvn package -DskipTests):",
        "  PBI_TOKEN_CLIENT_SECRET="
            + shellQuoted(SandboxDirectory.CONFIDENTIAL_CLIENT_SECRET)
            + " app-console/target/pbi-token --authority-host "
            + emulator.authorityHost()
            + " --trust-store "
            + shellQuoted(caFile.toString())
            + " --tenant "
            + tenant
            + " --client-id "
            + SandboxDirectory.CONFIDENTIAL_CLIENT_ID
            + " --output json",
        "");
  }

  private static String shellQuoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
