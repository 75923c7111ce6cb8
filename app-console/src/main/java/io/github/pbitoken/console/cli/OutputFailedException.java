package io.github.pbitoken.console.cli;

/**
 * The result could not be written to stdout (a closed pipe, a full disk): the caller did not get
 * what it asked for, so the run must not end as a success. Exit 74.
 */
public final class OutputFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OutputFailedException() {
    super(
        "the result could not be written to stdout (closed pipe or full disk?); nothing was"
            + " delivered: check where the output goes");
  }
}
