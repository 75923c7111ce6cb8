package io.github.pbitoken.tests.entra;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/** Everything a test can observe or script, and what {@code reset()} puts back. */
final class EmulatorState {
  static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(3599);

  private final SandboxDirectory directory = SandboxDirectory.withSandboxData();
  private final RequestJournal journal = new RequestJournal();
  private final Queue<Fault> tokenFaults = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Duration> tokenLifetime =
      new AtomicReference<>(DEFAULT_TOKEN_LIFETIME);
  private final HeldExchanges heldExchanges = new HeldExchanges();
  private final UserSessions userSessions = new UserSessions();
  private final AssertionReplayGuard assertionReplayGuard = new AssertionReplayGuard();

  SandboxDirectory directory() {
    return directory;
  }

  RequestJournal journal() {
    return journal;
  }

  UserSessions userSessions() {
    return userSessions;
  }

  AssertionReplayGuard assertionReplayGuard() {
    return assertionReplayGuard;
  }

  HeldExchanges heldExchanges() {
    return heldExchanges;
  }

  void queueTokenFaults(List<Fault> faults) {
    faults.forEach(fault -> tokenFaults.add(Objects.requireNonNull(fault, "fault")));
  }

  Optional<Fault> nextTokenFault() {
    return Optional.ofNullable(tokenFaults.poll());
  }

  int pendingTokenFaults() {
    return tokenFaults.size();
  }

  Duration tokenLifetime() {
    return tokenLifetime.get();
  }

  void setTokenLifetime(Duration lifetime) {
    Objects.requireNonNull(lifetime, "lifetime must not be null");
    if (lifetime.toSeconds() < 1 || lifetime.toNanosPart() != 0) {
      throw new IllegalArgumentException(
          "token lifetime must be a positive whole number of seconds, was " + lifetime);
    }
    tokenLifetime.set(lifetime);
  }

  void reset() {
    tokenFaults.clear();
    heldExchanges.releaseAll();
    journal.clear();
    assertionReplayGuard.clear();
    tokenLifetime.set(DEFAULT_TOKEN_LIFETIME);
    directory.restoreSandboxData();
    userSessions.reset();
  }
}
