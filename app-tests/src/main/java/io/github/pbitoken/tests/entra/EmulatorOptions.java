package io.github.pbitoken.tests.entra;

import java.nio.file.Path;
import java.util.Objects;

/** The command line of {@link EmulatorMain}: {@code [--port N] [--ca-file PATH] [--help]}. */
record EmulatorOptions(int port, Path caFile, boolean help) {
  static final int DEFAULT_PORT = 8443;
  static final Path DEFAULT_CA_FILE = Path.of("target", "entra-emulator", "ca.pem");
  static final String USAGE =
      "usage: EmulatorMain [--port N] [--ca-file PATH]\n"
          + "  --port N        HTTPS port on 127.0.0.1 (default "
          + DEFAULT_PORT
          + ", 0 picks a free one)\n"
          + "  --ca-file PATH  where to write the CA certificate in PEM (default "
          + DEFAULT_CA_FILE
          + ")\n";

  EmulatorOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be 0-65535, was " + port);
    }
    Objects.requireNonNull(caFile, "caFile must not be null");
  }

  static EmulatorOptions parse(String... args) {
    int port = DEFAULT_PORT;
    Path caFile = DEFAULT_CA_FILE;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--help", "-h" -> {
          return new EmulatorOptions(port, caFile, true);
        }
        case "--port" -> port = parsePort(valueOf(args, ++i, "--port"));
        case "--ca-file" -> caFile = Path.of(valueOf(args, ++i, "--ca-file"));
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
      }
    }
    return new EmulatorOptions(port, caFile, false);
  }

  private static String valueOf(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, was '" + value + "'", e);
    }
  }
}
