package io.github.pbitoken.console.cli;

import io.github.pbitoken.core.domain.TokenRequest;
import java.util.Objects;

/**
 * What the command line needs: the request to make and how to print the answer.
 *
 * @param request the token request built from tenant, cloud and scopes
 * @param output what to print on stdout
 */
public record CliSettings(TokenRequest request, OutputFormat output) {
  public CliSettings {
    Objects.requireNonNull(request, "request must not be null");
    Objects.requireNonNull(output, "output must not be null");
  }
}
