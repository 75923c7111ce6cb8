package io.github.pbitoken.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.pbitoken.core.domain.Cloud;
import io.github.pbitoken.core.domain.FailureDetails;
import io.github.pbitoken.core.domain.IdentityProviderUnavailableException;
import io.github.pbitoken.core.domain.TenantId;
import io.github.pbitoken.core.domain.TokenRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RefreshFailureLogTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger(RefreshFailureLog.class);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void attach() {
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(appender);
  }

  @Test
  void givenARefreshFailure_whenReported_thenOneWarningNamesTheFailureAndHowLongTheTokenLasts() {
    TokenRequest request =
        TokenRequest.of(
            new TenantId("00000000-0000-0000-0000-000000000001"),
            Set.of(Cloud.PUBLIC.defaultScope()));
    IdentityProviderUnavailableException failure =
        new IdentityProviderUnavailableException(
            "Entra ID answered 503",
            new FailureDetails(null, List.of(), "00000000-0000-0000-0000-0000000000cc", null),
            null);

    new RefreshFailureLog().refreshFailed(request, failure, Instant.parse("2030-01-01T00:59:30Z"));

    assertEquals(1, appender.list.size());
    ILoggingEvent event = appender.list.get(0);
    assertEquals(Level.WARN, event.getLevel());
    String line = event.getFormattedMessage();
    assertTrue(line.contains("2030-01-01T00:59:30Z"), line);
    assertTrue(line.contains("Entra ID answered 503"), line);
    assertTrue(line.contains("00000000-0000-0000-0000-0000000000cc"), line);
  }
}
