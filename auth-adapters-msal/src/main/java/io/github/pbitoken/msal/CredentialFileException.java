package io.github.pbitoken.msal;

import java.io.IOException;

/**
 * A credential file read while MSAL builds a request (the federated token file) is missing,
 * unreadable or empty: a problem with this machine's credential, not with the network, so it is
 * reported as such and never retried. The message names the file, never its content.
 */
final class CredentialFileException extends IOException {
  private static final long serialVersionUID = 1L;

  CredentialFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
