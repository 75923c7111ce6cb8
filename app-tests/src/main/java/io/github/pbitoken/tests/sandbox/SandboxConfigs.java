package io.github.pbitoken.tests.sandbox;

import io.github.pbitoken.tests.entra.EntraEmulator;
import io.github.pbitoken.tests.entra.SandboxDirectory;
import java.nio.file.Path;

/** The sandbox's config file for each flow: what a user would write, pointed at the emulator. */
final class SandboxConfigs {
  private SandboxConfigs() {}

  static String config(EntraEmulator emulator, Path ca, String flow) {
    if (flow.equals("client-secret")) {
      return Sandbox.config(emulator, ca);
    }
    StringBuilder config =
        new StringBuilder()
            .append("# Written by the pbi-token sandbox: user sign-in (")
            .append(flow)
            .append(") as the emulator's sandbox user.\n")
            .append("pbi-token {\n")
            .append("  flow = ")
            .append(flow)
            .append('\n')
            .append("  authority-host = \"")
            .append(emulator.authorityHost())
            .append("\"\n")
            .append("  trust-store = \"")
            .append(ca)
            .append("\"\n")
            .append("  tenant-id = \"")
            .append(SandboxDirectory.TENANT_ID)
            .append("\"\n")
            .append("  client-id = \"")
            .append(SandboxDirectory.PUBLIC_CLIENT_ID)
            .append("\"\n")
            .append("  scopes = [Dataset.ReadWrite.All]\n")
            .append("  token-cache.file = \"")
            .append(ca.resolveSibling("msal-token-cache.json"))
            .append("\"\n");
    if (flow.equals("username-password")) {
      config
          .append("  username = \"")
          .append(SandboxDirectory.USER_NAME)
          .append("\"\n")
          .append("  password = \"")
          .append(SandboxDirectory.USER_PASSWORD)
          .append("\"\n");
    }
    return config.append("}\n").toString();
  }
}
