package io.github.pbitoken.console;

import io.github.pbitoken.console.cli.DoctorCheck;
import io.github.pbitoken.console.cli.ExitCode;
import io.github.pbitoken.console.config.AppSettings;
import io.github.pbitoken.console.config.Flow;
import io.github.pbitoken.console.config.InvalidSettingsException;
import io.github.pbitoken.console.config.SettingsLoader;
import io.github.pbitoken.core.domain.TenantDiscovery;
import io.github.pbitoken.core.port.out.IdentityProviderProbe;
import io.github.pbitoken.msal.ClientAssertionCredential;
import io.github.pbitoken.msal.ClientCertificateCredential;
import io.github.pbitoken.msal.ClientCredential;
import io.github.pbitoken.msal.ClientSecretCredential;
import io.github.pbitoken.msal.FederatedTokenFileCredential;
import io.github.pbitoken.msal.HttpProxy;
import io.github.pbitoken.msal.MsalSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks behind {@code pbi-token doctor}, from valid settings to verdicts. The only network
 * call goes through the {@link IdentityProviderProbe} port; everything else is local.
 */
final class Doctor {
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(2);
  static final Duration CERTIFICATE_RENEWAL_WARNING = Duration.ofDays(30);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Clock clock;

  Doctor(Clock clock) {
    this.clock = clock;
  }

  /** Every check after the configuration, which {@code settings} proves valid. */
  List<DoctorCheck> check(AppSettings settings, IdentityProviderProbe probe) {
    MsalSettings msal = settings.msal();
    List<DoctorCheck> checks = new ArrayList<>();
    checks.add(
        DoctorCheck.pass(
            "configuration",
            "flow "
                + settings.flow().configName()
                + ", tenant "
                + msal.tenant().value()
                + ", client "
                + msal.clientId().value()
                + ", cloud "
                + msal.cloud().configName()));
    checks.add(proxy(msal.proxy()));
    DoctorCheck trust = trust(msal);
    checks.add(trust);
    Optional<TenantDiscovery> discovery = Optional.empty();
    if (trust.verdict() == DoctorCheck.Verdict.FAIL) {
      checks.add(
          DoctorCheck.warn(
              "identity provider",
              "not asked: the trust store above is unusable",
              "fix the trust store, then run doctor again"));
    } else {
      discovery = discover(msal, probe, checks);
    }
    checks.add(clock(msal, discovery));
    checks.add(cache(settings));
    checks.add(credential(settings.flow(), msal.credential()));
    return checks;
  }

  /** Asks the authority host about the tenant; adds what it found, or why it could not ask. */
  private static Optional<TenantDiscovery> discover(
      MsalSettings msal, IdentityProviderProbe probe, List<DoctorCheck> checks) {
    try {
      TenantDiscovery discovery = probe.discoverTenant();
      checks.add(tenant(msal, discovery));
      return Optional.of(discovery);
    } catch (javax.net.ssl.SSLException e) {
      checks.add(
          DoctorCheck.fail(
              "identity provider",
              "the TLS connection to "
                  + msal.authorityHost()
                  + " failed: its certificate is not trusted here, or the handshake was refused ("
                  + e.getClass().getSimpleName()
                  + ")",
              "if the host is right (a TLS-inspecting proxy, a test emulator), add the CA that"
                  + " issued its certificate to trust-store; never disable verification",
              ExitCode.UNAVAILABLE));
    } catch (IOException e) {
      checks.add(
          DoctorCheck.fail(
              "identity provider",
              msal.authorityHost() + " did not answer: " + e.getMessage(),
              "check the network, the proxy (HTTPS_PROXY) and authority-host/cloud",
              ExitCode.UNAVAILABLE));
    }
    return Optional.empty();
  }

  private static DoctorCheck proxy(HttpProxy proxy) {
    if (proxy == null) {
      return DoctorCheck.pass("proxy", "none: connecting directly");
    }
    return DoctorCheck.pass(
        "proxy",
        proxy.host()
            + ":"
            + proxy.port()
            + (proxy.user() == null ? "" : " as " + proxy.user())
            + (proxy.noProxy().isEmpty() ? "" : ", bypassed for " + proxy.noProxy()));
  }

  private static DoctorCheck trust(MsalSettings msal) {
    try {
      SettingsLoader.checkTrustStore(msal);
    } catch (InvalidSettingsException e) {
      return DoctorCheck.fail(
          "trust store",
          String.join("; ", e.problems()),
          "give a PEM file of CA certificates, or a PKCS#12 trust store and its password",
          ExitCode.CONFIG);
    }
    return DoctorCheck.pass(
        "trust store",
        msal.extraTrust()
            .map(file -> "the JDK's CAs and those in " + file)
            .orElse("the JDK's CAs"));
  }

  private static DoctorCheck tenant(MsalSettings msal, TenantDiscovery discovery) {
    String host = msal.authorityHost();
    String tenant = msal.tenant().value();
    if (discovery.tenantFound()) {
      return DoctorCheck.pass("identity provider", host + " knows tenant " + tenant);
    }
    if (discovery.tenantNotFound()) {
      return DoctorCheck.fail(
          "identity provider",
          "tenant " + tenant + " not found in this cloud (" + host + ", AADSTS90002)",
          "check tenant-id, and cloud (or authority-host) for a national cloud",
          ExitCode.CONFIG);
    }
    return DoctorCheck.fail(
        "identity provider",
        host
            + " answered HTTP "
            + discovery.httpStatus()
            + (discovery.errorCode() == null ? "" : " (" + discovery.errorCode() + ")")
            + " for the tenant's OpenID configuration",
        "check authority-host: it must be an Entra ID host such as login.microsoftonline.com",
        ExitCode.UNAVAILABLE);
  }

  private DoctorCheck clock(MsalSettings msal, Optional<TenantDiscovery> discovery) {
    Optional<Instant> server = discovery.flatMap(TenantDiscovery::serverClock);
    if (server.isEmpty()) {
      return DoctorCheck.warn(
          "clock",
          "not checked: no answer with a Date header from " + msal.authorityHost(),
          "make sure the clock is synchronised (NTP)");
    }
    Duration skew = Duration.between(server.get(), clock.instant());
    if (skew.abs().compareTo(MAX_CLOCK_SKEW) > 0) {
      return DoctorCheck.warn(
          "clock",
          "local clock is "
              + skew.abs().toSeconds()
              + "s "
              + (skew.isNegative() ? "behind " : "ahead of ")
              + msal.authorityHost(),
          "synchronise the clock (NTP): tokens and client assertions are time-bound");
    }
    return DoctorCheck.pass(
        "clock", "within " + skew.abs().toSeconds() + "s of " + msal.authorityHost());
  }

  private static DoctorCheck cache(AppSettings settings) {
    if (settings.flow() == Flow.MANAGED_IDENTITY) {
      return DoctorCheck.pass("token cache", "none: managed identity tokens stay in memory");
    }
    Optional<Path> persisted = settings.tokenCache().persistedFile();
    if (persisted.isEmpty()) {
      return DoctorCheck.pass("token cache", "off: every run signs in afresh");
    }
    Path file = persisted.get();
    if (!Files.exists(file)) {
      return DoctorCheck.pass(
          "token cache", file + " (not created yet; it will be readable by you only)");
    }
    if (!Files.isReadable(file) || !Files.isWritable(file)) {
      return DoctorCheck.warn(
          "token cache",
          file + " is not readable and writable by you: tokens will not be reused",
          "fix its owner, or set token-cache.file to another file");
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.equals(permissions)) {
        return DoctorCheck.warn(
            "token cache",
            file + " has permissions " + PosixFilePermissions.toString(permissions),
            "chmod 600 " + file + "  (it holds refresh tokens)");
      }
      return DoctorCheck.pass("token cache", file + " (rw-------)");
    } catch (UnsupportedOperationException | IOException e) {
      return DoctorCheck.pass("token cache", file + " (permissions not checked on this system)");
    }
  }

  private DoctorCheck credential(Flow flow, ClientCredential credential) {
    if (credential == null) {
      return DoctorCheck.pass("credential", "none: a person signs in (" + flow.configName() + ")");
    }
    if (credential instanceof ClientSecretCredential) {
      return DoctorCheck.pass("credential", "client secret set (not shown)");
    }
    if (credential instanceof ClientAssertionCredential) {
      return DoctorCheck.pass("credential", "client assertion set (not shown)");
    }
    if (credential instanceof ClientCertificateCredential certificate) {
      Instant notAfter = certificate.certificate().getNotAfter().toInstant();
      String subject = certificate.certificate().getSubjectX500Principal().getName();
      Duration left = Duration.between(clock.instant(), notAfter);
      if (left.compareTo(CERTIFICATE_RENEWAL_WARNING) < 0) {
        return DoctorCheck.warn(
            "credential",
            "certificate " + subject + " expires on " + notAfter + " (" + left.toDays() + " days)",
            "renew it and upload the new certificate to the app registration");
      }
      return DoctorCheck.pass("credential", "certificate " + subject + " valid until " + notAfter);
    }
    if (credential instanceof FederatedTokenFileCredential federated) {
      Path file = federated.tokenFile();
      try {
        if (Files.isRegularFile(file) && Files.size(file) > 0 && Files.isReadable(file)) {
          return DoctorCheck.pass("credential", "federated token file " + file + " present");
        }
      } catch (IOException e) {
        // reported below
      }
      return DoctorCheck.fail(
          "credential",
          "federated token file " + file + " is missing, empty or unreadable",
          "check AZURE_FEDERATED_TOKEN_FILE / client-assertion-file and the mounted token volume",
          ExitCode.NO_PERMISSION);
    }
    return DoctorCheck.pass("credential", "managed identity: nothing to read");
  }
}
