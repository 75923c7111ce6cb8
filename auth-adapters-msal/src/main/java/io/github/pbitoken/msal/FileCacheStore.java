package io.github.pbitoken.msal;

import io.github.pbitoken.core.domain.CacheSnapshot;
import io.github.pbitoken.core.domain.Secret;
import io.github.pbitoken.core.port.out.CacheStore;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CacheStore} on one file, safe against other processes and crashes:
 *
 * <ul>
 *   <li>every read and write holds an exclusive lock on {@code <file>.lock} (a cross-process {@link
 *       FileLock}, plus a JVM lock because {@code FileLock} is per process, not per thread); the
 *       wait for it is bounded ({@link #DEFAULT_LOCK_WAIT}): a stuck holder costs this run its
 *       cache (an {@link IOException}, reported as a warning), never a hang;
 *   <li>writes go to a temporary file in the same directory, created owner-only (0600), then are
 *       renamed over the cache atomically: a reader sees the old file or the new one, never half;
 *   <li>the version is the SHA-256 of the contents, so a save based on an older read is refused;
 *   <li>a file that is not a JSON object (truncated, corrupt) is moved aside to {@code
 *       <file>.corrupt-<millis>} with a warning and read as empty: a broken cache costs a sign-in,
 *       never a failure.
 * </ul>
 */
final class FileCacheStore implements CacheStore {
  private static final Logger log = LoggerFactory.getLogger(FileCacheStore.class);
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  /** How long to wait for another writer before giving up on the cache for this run. */
  static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(10);

  private static final long LOCK_POLL_MILLIS = 20;

  private final Path file;
  private final Path lockFile;
  private final Clock clock;
  private final Duration lockWait;

  FileCacheStore(Path file, Clock clock) {
    this(file, clock, DEFAULT_LOCK_WAIT);
  }

  FileCacheStore(Path file, Clock clock, Duration lockWait) {
    this.file = Objects.requireNonNull(file, "cache file must not be null").toAbsolutePath();
    this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.lockWait = Objects.requireNonNull(lockWait, "lock wait must not be null");
  }

  @Override
  public CacheSnapshot load() throws IOException {
    return underLock(this::read);
  }

  @Override
  public CacheSnapshot save(CacheSnapshot basedOn, Secret contents) throws IOException {
    Objects.requireNonNull(basedOn, "basedOn must not be null");
    Objects.requireNonNull(contents, "contents must not be null");
    return underLock(() -> write(basedOn, contents));
  }

  /** Reads, merges and writes under one hold of the lock: no other writer can come between. */
  @Override
  public CacheSnapshot saveMerged(Function<Optional<Secret>, Secret> mergeWithStored)
      throws IOException {
    Objects.requireNonNull(mergeWithStored, "mergeWithStored must not be null");
    return underLock(() -> replace(mergeWithStored.apply(read().serialized())));
  }

  private CacheSnapshot write(CacheSnapshot basedOn, Secret contents) throws IOException {
    if (!read().version().equals(basedOn.version())) {
      return null;
    }
    return replace(contents);
  }

  private CacheSnapshot replace(Secret contents) throws IOException {
    byte[] bytes = contents.reveal().getBytes(StandardCharsets.UTF_8);
    Path temp =
        Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp", ownerOnly(false));
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(bytes));
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return new CacheSnapshot(contents, versionOf(bytes));
  }

  /** The cache file this store writes. */
  Path file() {
    return file;
  }

  private CacheSnapshot read() throws IOException {
    if (!Files.exists(file)) {
      return CacheSnapshot.empty();
    }
    CacheFileGuard.check(file);
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!isJsonObject(text)) {
      Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + clock.millis());
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      log.warn(
          "the token cache {} was unreadable (truncated or corrupt); moved it to {} and started"
              + " with an empty cache: you may have to sign in again",
          file,
          aside);
      return CacheSnapshot.empty();
    }
    return new CacheSnapshot(Secret.of(text), versionOf(bytes));
  }

  private static boolean isJsonObject(String text) {
    try {
      return Json.parse(text) instanceof Map<?, ?>;
    } catch (Json.MalformedJsonException malformed) {
      return false;
    }
  }

  @FunctionalInterface
  private interface IoAction<T> {
    T run() throws IOException;
  }

  private <T> T underLock(IoAction<T> action) throws IOException {
    Locked locked = lock();
    try {
      return action.run();
    } finally {
      locked.close();
    }
  }

  private Locked lock() throws IOException {
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(lockFile, path -> new ReentrantLock());
    long deadline = System.nanoTime() + lockWait.toNanos();
    try {
      if (!jvmLock.tryLock(lockWait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw stillLocked();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the token cache lock");
    }
    try {
      Files.createDirectories(file.getParent(), ownerOnly(true));
      if (!Files.exists(lockFile)) {
        try {
          Files.createFile(lockFile, ownerOnly(false));
        } catch (java.nio.file.FileAlreadyExistsException createdByAnother) {
          // another process made it first: fine, it is only a lock
        }
      }
      FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
      try {
        return new Locked(jvmLock, channel, fileLock(channel, deadline));
      } catch (IOException | RuntimeException failure) {
        channel.close();
        throw failure;
      }
    } catch (IOException | RuntimeException failure) {
      jvmLock.unlock();
      throw failure;
    }
  }

  /** The cross-process lock, polled until {@code deadline} ({@code System.nanoTime()}). */
  private FileLock fileLock(FileChannel channel, long deadline) throws IOException {
    while (true) {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() - deadline >= 0) {
        throw stillLocked();
      }
      try {
        Thread.sleep(LOCK_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the token cache lock");
      }
    }
  }

  private IOException stillLocked() {
    return new IOException(
        "the token cache "
            + file
            + " stayed locked by another pbi-token for more than "
            + lockWait.toSeconds()
            + " s; going on without it");
  }

  private static FileAttribute<?>[] ownerOnly(boolean directory) {
    if (!POSIX) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"))
    };
  }

  private static String versionOf(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK has SHA-256", impossible);
    }
  }

  /** Both locks, released in reverse order. */
  private record Locked(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        fileLock.release();
        channel.close();
      } finally {
        jvmLock.unlock();
      }
    }
  }
}
