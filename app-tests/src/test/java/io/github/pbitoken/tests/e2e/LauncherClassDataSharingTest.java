package io.github.pbitoken.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pbitoken.tests.entra.SandboxDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's application class-data sharing archive, with real processes: the first run makes
 * one, later runs load the application from it, and a missing, unusable or broken one never changes
 * what the command prints or returns.
 */
class LauncherClassDataSharingTest {
  private static final Path LAUNCHER =
      Path.of(System.getProperty("pbitoken.jar", "../app-console/target/pbi-token-all.jar"))
          .resolveSibling("pbi-token");
  private static final String MAIN_CLASS_LOADED = "io.github.pbitoken.console.Main source: ";
  private static final String FROM_ARCHIVE = "shared objects file (top)";
  private static final Pattern ARCHIVE_NAME = Pattern.compile("pbi-token-(.+)-(\\d+)\\.jsa");
  private static final Map<String, String> CDS_OFF = Map.of("PBI_TOKEN_CDS", "off");
  private static final Map<String, String> LOG_CLASS_LOADING =
      Map.of("PBI_TOKEN_JAVA_OPTS", "-Xlog:class+load");

  @TempDir Path dir;

  @Test
  void theFirstRunMakesExactlyOneArchiveAndAnswersAsWithoutIt() throws Exception {
    Result without = run(LAUNCHER, cds(), CDS_OFF, "--version");
    Result first = run(LAUNCHER, cds(), Map.of(), "--version");

    assertEquals(0, without.exitCode(), without::toString);
    assertTrue(without.stdout().startsWith("pbi-token 0."), without::toString);
    assertEquals("", without.stderr());
    assertEquals(without, first);
    assertEquals(List.of(onlyArchive(cds())), filesIn(cds()));
  }

  @Test
  void theSecondRunLoadsTheApplicationFromTheArchive() throws Exception {
    run(LAUNCHER, cds(), Map.of(), "--version");
    Path archive = onlyArchive(cds());
    FileTime made = Files.getLastModifiedTime(archive);

    Result second = run(LAUNCHER, cds(), LOG_CLASS_LOADING, "--version");
    Result off = run(LAUNCHER, cds(), with(CDS_OFF, LOG_CLASS_LOADING), "--version");

    assertEquals(0, second.exitCode(), second::toString);
    assertTrue(second.stdout().contains(MAIN_CLASS_LOADED + FROM_ARCHIVE), second::toString);
    assertTrue(off.stdout().contains(MAIN_CLASS_LOADED), off::toString);
    assertFalse(off.stdout().contains(MAIN_CLASS_LOADED + FROM_ARCHIVE), off::toString);
    assertEquals(List.of(archive), filesIn(cds()));
    assertEquals(made, Files.getLastModifiedTime(archive));
  }

  @Test
  void offMakesNothing() throws Exception {
    Result result = run(LAUNCHER, cds(), CDS_OFF, "--version");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("", result.stderr());
    assertFalse(Files.exists(cds()));
  }

  @Test
  void aCacheDirectoryOthersMayWriteIsNeverUsed() throws Exception {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Result reference = run(LAUNCHER, cds(), CDS_OFF, "--version");

    assertEquals(reference, run(LAUNCHER, shared, Map.of(), "--version"));
    assertEquals(List.of(), filesIn(shared), "an archive others could replace was made");
  }

  @Test
  void aCacheDirectoryThatCannotBeMadeStillGivesACleanRun() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    Result reference = run(LAUNCHER, cds(), CDS_OFF, "--version");

    for (Path cdsDir : List.of(file, file.resolve("below"))) {
      assertEquals(reference, run(LAUNCHER, cdsDir, Map.of(), "--version"), cdsDir.toString());
    }
    assertEquals("not a directory", Files.readString(file));
  }

  @Test
  void aTruncatedArchiveIsNeverLoadedButMadeAgain() throws Exception {
    Result reference = run(LAUNCHER, cds(), CDS_OFF, "--version");
    run(LAUNCHER, cds(), Map.of(), "--version");
    Path archive = onlyArchive(cds());
    byte[] bytes = Files.readAllBytes(archive);
    overwrite(archive, Arrays.copyOf(bytes, bytes.length / 2));

    Result afterTruncation = run(LAUNCHER, cds(), Map.of(), "--version");

    assertEquals(reference, afterTruncation);
    assertFullSize(onlyArchive(cds()));
  }

  @Test
  void anArchiveTheJvmRejectsIsIgnoredSilently() throws Exception {
    Result reference = run(LAUNCHER, cds(), CDS_OFF, "--version");
    run(LAUNCHER, cds(), Map.of(), "--version");
    Path own = onlyArchive(cds());
    Path foreign = archiveOfAnotherJar();
    Path garbage = Files.createDirectories(dir.resolve("garbage"));
    overwrite(garbage.resolve(own.getFileName()), new byte[(int) Files.size(own)]);
    Path inPlaceOfOwn = cds().resolve(foreignArchiveNameFor(own, foreign));
    Files.delete(own);
    Files.copy(foreign, inPlaceOfOwn);

    Result withForeign = run(LAUNCHER, cds(), Map.of(), "--version");
    Result foreignLoading = run(LAUNCHER, cds(), LOG_CLASS_LOADING, "--version");
    Result withGarbage = run(LAUNCHER, garbage, Map.of(), "--version");

    assertEquals(reference, withForeign);
    assertFalse(
        foreignLoading.stdout().contains(MAIN_CLASS_LOADED + FROM_ARCHIVE),
        foreignLoading::toString);
    assertEquals(reference, withGarbage);
  }

  @Test
  void concurrentFirstRunsEachSucceedAndLeaveOnlyCompleteArchives() throws Exception {
    Result reference = run(LAUNCHER, cds(), CDS_OFF, "--version");
    List<Started> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      started.add(start(LAUNCHER, cds(), Map.of(), "--version"));
    }
    for (Started process : started) {
      assertEquals(reference, process.finish());
    }
    List<Path> files = filesIn(cds());
    assertFalse(files.isEmpty());
    for (Path file : files) {
      assertFullSize(file);
    }
  }

  @Test
  void aTrainingRunThatWritesNothingIsNotRepeated() throws Exception {
    Path trainings = dir.resolve("trainings.txt");
    Path java =
        executable(
            "java-without-dump",
            "#!/bin/sh",
            "for arg in \"$@\"; do",
            "  case \"$arg\" in -XX:ArchiveClassesAtExit=*) echo trained >>'"
                + trainings
                + "'; "
                + "exit 0 ;; esac",
            "done",
            "exec '" + currentJava() + "' \"$@\"");
    Map<String, String> env = Map.of("JAVA", java.toString());
    Result reference = run(LAUNCHER, cds(), with(CDS_OFF, env), "--version");

    Result first = run(LAUNCHER, cds(), env, "--version");
    Result second = run(LAUNCHER, cds(), env, "--version");

    assertEquals(reference, first);
    assertEquals(reference, second);
    assertEquals(List.of("trained"), Files.readAllLines(trainings));
    List<Path> files = filesIn(cds());
    assertEquals(1, files.size(), files::toString);
    assertTrue(files.get(0).getFileName().toString().endsWith(".failed"), files::toString);
  }

  @Test
  void theLaunchersOwnVariablesAreNotTakenForSettings() throws Exception {
    Map<String, String> launcherOnly =
        Map.of("PBI_TOKEN_CDS", "on", "PBI_TOKEN_JAVA_OPTS", "-Xmx256m");
    Path jarRunner =
        executable(
            "run-jar",
            "#!/bin/sh",
            "exec \"$JAVA\" -jar '"
                + LAUNCHER.resolveSibling("pbi-token-all.jar").toAbsolutePath()
                + "' \"$@\"");

    String[] noSecret = {
      "--tenant", SandboxDirectory.TENANT_ID, "--client-id", SandboxDirectory.CONFIDENTIAL_CLIENT_ID
    };

    Result direct = run(jarRunner, cds(), launcherOnly, noSecret);
    Result launched = run(LAUNCHER, cds(), launcherOnly, noSecret);

    assertEquals(78, direct.exitCode(), direct::toString);
    assertTrue(direct.stderr().contains("client-secret"), direct::toString);
    assertFalse(direct.stderr().contains("not a pbi-token setting"), direct::toString);
    assertEquals(78, launched.exitCode(), launched::toString);
    assertTrue(launched.stderr().contains("client-secret"), launched::toString);
    for (String variable : List.of("PBI_TOKEN_CDS", "PBI_TOKEN_JAVA_OPTS")) {
      assertFalse(launched.stderr().contains(variable), launched::toString);
    }
  }

  private Path executable(String name, String... lines) throws IOException {
    Path script = Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    assertTrue(script.toFile().setExecutable(true), script::toString);
    return script;
  }

  private static String currentJava() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private Path cds() {
    return dir.resolve("cds");
  }

  /** A copy of the launcher and jar elsewhere: same build, other path, so another class path. */
  private Path archiveOfAnotherJar() throws Exception {
    Path other = Files.createDirectories(dir.resolve("other"));
    Path otherLauncher = other.resolve("pbi-token");
    Files.copy(LAUNCHER, otherLauncher, StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(
        LAUNCHER.resolveSibling("pbi-token-all.jar"),
        other.resolve("pbi-token-all.jar"),
        StandardCopyOption.COPY_ATTRIBUTES);
    Path otherCds = dir.resolve("other-cds");
    Result made = run(otherLauncher, otherCds, Map.of(), "--version");
    assertEquals(0, made.exitCode(), made::toString);
    return onlyArchive(otherCds);
  }

  /** The name the launcher looks for with own's key, carrying foreign's size. */
  private static String foreignArchiveNameFor(Path own, Path foreign) {
    Matcher ownName = archiveName(own);
    Matcher foreignName = archiveName(foreign);
    return "pbi-token-" + ownName.group(1) + "-" + foreignName.group(2) + ".jsa";
  }

  private static Matcher archiveName(Path archive) {
    Matcher name = ARCHIVE_NAME.matcher(archive.getFileName().toString());
    assertTrue(name.matches(), archive.toString());
    return name;
  }

  private static void assertFullSize(Path archive) throws IOException {
    assertEquals(Long.parseLong(archiveName(archive).group(2)), Files.size(archive));
  }

  private static Path onlyArchive(Path cdsDir) throws IOException {
    List<Path> files = filesIn(cdsDir);
    assertEquals(1, files.size(), files::toString);
    archiveName(files.get(0));
    return files.get(0);
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }

  /** The JVM writes archives read-only. */
  private static void overwrite(Path file, byte[] bytes) throws IOException {
    if (Files.exists(file)) {
      assertTrue(file.toFile().setWritable(true), file::toString);
    }
    Files.write(file, bytes);
  }

  private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
    Map<String, String> both = new HashMap<>(a);
    both.putAll(b);
    return both;
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private record Started(Process process, Path out, Path err) {
    Result finish() throws IOException, InterruptedException {
      try {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish in 60 s");
        return new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private Result run(Path launcher, Path cdsDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return start(launcher, cdsDir, env, args).finish();
  }

  private Started start(Path launcher, Path cdsDir, Map<String, String> env, String... args)
      throws IOException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Map<String, String> environment = builder.environment();
    environment
        .keySet()
        .removeIf(name -> name.startsWith("PBI_TOKEN_") || name.startsWith("AZURE_"));
    environment.remove("XDG_CACHE_HOME");
    environment.remove("JAVA_TOOL_OPTIONS");
    environment.put("HOME", dir.resolve("home").toString());
    environment.put("JAVA", currentJava());
    environment.put("PBI_TOKEN_CDS_DIR", cdsDir.toString());
    environment.putAll(env);
    return new Started(builder.start(), out, err);
  }
}
