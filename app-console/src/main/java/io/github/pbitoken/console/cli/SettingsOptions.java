package io.github.pbitoken.console.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options that pick or override configuration, shared by every command (a picocli mixin). */
public final class SettingsOptions {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "HOCON configuration file (keys under pbi-token { ... }).")
  Path configFile;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log diagnostics to stderr and show stack traces of failures.")
  boolean verbose;

  @Option(names = "--tenant", paramLabel = "TENANT", description = "Tenant id or domain.")
  String tenant;

  @Option(names = "--client-id", paramLabel = "GUID", description = "Application (client) id.")
  String clientId;

  @Option(
      names = "--cloud",
      paramLabel = "CLOUD",
      description = "public, usgov, usgovhigh, usgovdod or china.")
  String cloud;

  @Option(
      names = "--authority-host",
      paramLabel = "HOST",
      description = "Entra ID host to use instead of the cloud's own.")
  String authorityHost;

  @Option(
      names = {"-s", "--scope"},
      paramLabel = "SCOPE",
      description = "Scope to ask for (repeatable); bare names such as .default are expanded.")
  List<String> scopes;

  @Option(
      names = "--trust-store",
      paramLabel = "FILE",
      description =
          "Extra CA certificates to trust besides the JDK's: a PEM file or a PKCS#12 trust store.")
  String trustStore;

  @Option(
      names = "--no-prompt",
      description =
          "Never show a device code or open a browser: fail with exit 77 if a sign-in is needed.")
  boolean noPrompt;

  Invocation toInvocation(boolean forceRefresh, String output) {
    return new Invocation(
        configFile,
        verbose,
        forceRefresh,
        tenant,
        clientId,
        cloud,
        authorityHost,
        scopes,
        output,
        trustStore,
        noPrompt);
  }
}
