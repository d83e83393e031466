package dev.weir.io;

import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.ListCoder;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The durable commit decisions of a transactional file sink: one manifest file per transaction,
 * {@code <directory>/<transactionId>.manifest}, listing the renames that make its output visible.
 * A manifest exists exactly when its transaction's commit has begun, so it is the record of which
 * commit won.
 *
 * <p>Format (version {@value #VERSION}): the magic bytes {@code WTXM}, the version as one byte, the
 * transaction id (8 bytes, big-endian), the renames encoded with {@code ListCoder<FileRename>}, and
 * a CRC-32 of everything before it (8 bytes). A manifest is written to {@code <id>.manifest.tmp},
 * forced to disk, renamed atomically into place and its directory forced, so a manifest is either
 * absent or complete. Not thread-safe: the sink calls it from one thread at a time.
 */
final class TransactionManifests {
  static final int VERSION = 1;
  private static final byte[] MAGIC = {'W', 'T', 'X', 'M'};
  private static final String SUFFIX = ".manifest";
  private static final ListCoder<FileRename> RENAMES = ListCoder.of(FileRename.FileRenameCoder.of());

  private final Path directory;

  TransactionManifests(Path directory) {
    this.directory = directory;
  }

  /** Durably records that transaction {@code transactionId} commits {@code renames}. */
  void write(long transactionId, List<FileRename> renames) throws IOException {
    Files.createDirectories(directory);
    byte[] bytes = encode(transactionId, renames);
    Path temporary = directory.resolve(transactionId + SUFFIX + ".tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Files.move(temporary, pathOf(transactionId), StandardCopyOption.ATOMIC_MOVE);
    forceDirectory(directory);
  }

  /** The renames transaction {@code transactionId} committed, or empty if it has no manifest. */
  Optional<List<FileRename>> read(long transactionId) throws IOException {
    Path file = pathOf(transactionId);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(decode(file, transactionId, bytes));
  }

  /** The ids of every transaction with a manifest, in increasing order. */
  TreeSet<Long> transactionIds() throws IOException {
    TreeSet<Long> ids = new TreeSet<>();
    for (Path file : files()) {
      String name = file.getFileName().toString();
      if (name.endsWith(SUFFIX)) {
        ids.add(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())));
      }
    }
    return ids;
  }

  /** Deletes the manifests of transactions before {@code transactionId}. */
  void deleteBefore(long transactionId) throws IOException {
    for (long id : transactionIds().headSet(transactionId)) {
      Files.deleteIfExists(pathOf(id));
    }
  }

  /** Deletes every manifest, and any half-written one. */
  void deleteAll() throws IOException {
    for (Path file : files()) {
      Files.deleteIfExists(file);
    }
  }

  private Path pathOf(long transactionId) {
    return directory.resolve(transactionId + SUFFIX);
  }

  private List<Path> files() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(directory)) {
      return listing.sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static byte[] encode(long transactionId, List<FileRename> renames) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeByte(VERSION);
    out.writeLong(transactionId);
    out.write(CoderUtils.encodeToByteArray(RENAMES, renames));
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    out.flush();
    return bytes.toByteArray();
  }

  private static List<FileRename> decode(Path file, long transactionId, byte[] bytes) throws IOException {
    int header = MAGIC.length + 1 + Long.BYTES;
    if (bytes.length < header + Long.BYTES || !Arrays.equals(MAGIC, Arrays.copyOf(bytes, MAGIC.length))) {
      throw corrupt(file, "it does not start with a manifest header");
    }
    if (bytes[MAGIC.length] != VERSION) {
      throw corrupt(file, "it has format version " + bytes[MAGIC.length] + ", this Weir reads version " + VERSION);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long stored = buffer.getLong(bytes.length - Long.BYTES);
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - Long.BYTES);
    if (crc.getValue() != stored) {
      throw corrupt(file, "its checksum does not match its content");
    }
    if (buffer.getLong(MAGIC.length + 1) != transactionId) {
      throw corrupt(file, "it records transaction " + buffer.getLong(MAGIC.length + 1));
    }
    return CoderUtils.decodeFromByteArray(RENAMES, Arrays.copyOfRange(bytes, header, bytes.length - Long.BYTES));
  }

  private static IOException corrupt(Path file, String why) {
    return new IOException("Cannot read the file sink's commit manifest " + file + ": " + why + ". It records a"
        + " commit that may be incomplete; check the output files of that transaction, then delete the manifest"
        + " and restart");
  }

  /** Forces {@code directory}'s entries (new and renamed names) to disk. */
  static void forceDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
