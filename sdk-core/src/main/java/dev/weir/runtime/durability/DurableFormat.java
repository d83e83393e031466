package dev.weir.runtime.durability;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * A versioned envelope for one durable format: values are written with the coder of the current
 * version and read with the coder of whichever version the file declares.
 *
 * <p>Layout, all integers big-endian: a 4-byte ASCII marker naming the format, the format version
 * ({@code int}), the payload length ({@code int}), the payload (the value encoded by that
 * version's coder), and a CRC-32 ({@code int}) of every byte before it. The marker and version
 * come first so that a file of another format, or of a newer Weir, fails with a message that says
 * so, whatever the rest of it holds; the length and checksum make a truncated or damaged file fail
 * instead of decoding to a wrong value.
 *
 * <p>Immutable and thread-safe if its coders are (coders are, by contract). Reads fail with an
 * {@link UnreadableFileException} naming the file, what was expected and found, and the fix.
 *
 * @param <T> the type of the values stored in this format
 */
public final class DurableFormat<T> {
  private static final int HEADER_BYTES = 12;
  private static final int CHECKSUM_BYTES = 4;
  private static final String DAMAGED =
      "the file is damaged; restore it, or start over with a new --checkpointDir";

  private final String description;
  private final String marker;
  private final int currentVersion;
  private final Map<Integer, Coder<T>> coders;

  private DurableFormat(String description, String marker, int currentVersion, Map<Integer, Coder<T>> coders) {
    this.description = description;
    this.marker = marker;
    this.currentVersion = currentVersion;
    this.coders = Collections.unmodifiableMap(new TreeMap<>(coders));
  }

  /**
   * A format written as {@code version} with {@code coder}.
   *
   * @param description what a file of this format holds, for messages ("offset log entry")
   * @param marker exactly 4 printable ASCII characters, distinct for each format ("WOFF")
   * @param version the version this build writes; positive
   * @param coder encodes and decodes values of {@code version}
   */
  public static <T> DurableFormat<T> of(String description, String marker, int version, Coder<T> coder) {
    checkArgument(!description.isEmpty(), "A durable format needs a description");
    checkArgument(
        marker.length() == 4 && marker.chars().allMatch(c -> c > ' ' && c < 127),
        "The marker of a durable format is 4 printable ASCII characters, not '%s'",
        marker);
    checkArgument(version > 0, "Format versions are positive, not %s", version);
    return new DurableFormat<>(description, marker, version, Map.of(version, Objects.requireNonNull(coder)));
  }

  /** This format, also reading files of the older {@code version} with {@code coder}. */
  public DurableFormat<T> alsoReading(int version, Coder<T> coder) {
    checkArgument(
        version > 0 && version < currentVersion,
        "%s: an older version must be between 1 and %s, not %s",
        description,
        currentVersion - 1,
        version);
    checkArgument(!coders.containsKey(version), "%s: version %s is already readable", description, version);
    Map<Integer, Coder<T>> more = new TreeMap<>(coders);
    more.put(version, Objects.requireNonNull(coder));
    return new DurableFormat<>(description, marker, currentVersion, more);
  }

  /** The version this build writes. */
  public int version() {
    return currentVersion;
  }

  /** The versions this build reads, ascending. */
  public Set<Integer> readableVersions() {
    return coders.keySet();
  }

  /** Writes {@code value} to {@code file} in this format with {@link DurableFile#write}. */
  public void write(Path file, T value) throws IOException {
    DurableFile.write(file, encode(value));
  }

  /** Reads the value stored in {@code file}; see {@link #decode} for the failures. */
  public T read(Path file) throws IOException {
    return decode(file.toString(), DurableFile.read(file));
  }

  /** The bytes of {@code value} in this format's current version, envelope included. */
  public byte[] encode(T value) throws IOException {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    coders.get(currentVersion).encode(value, payload);
    ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES + payload.size() + CHECKSUM_BYTES);
    bytes.put(marker.getBytes(StandardCharsets.US_ASCII)).putInt(currentVersion).putInt(payload.size());
    bytes.put(payload.toByteArray());
    bytes.putInt(checksum(bytes.array(), bytes.position()));
    return bytes.array();
  }

  /**
   * The value stored in {@code bytes}, read with the coder of the version they declare.
   *
   * @param source names where the bytes come from (a path), for messages
   * @throws UnreadableFileException if the bytes are of another format, of a version this build
   *     does not read, truncated, damaged, or do not decode
   */
  public T decode(String source, byte[] bytes) throws UnreadableFileException {
    byte[] expectedMarker = marker.getBytes(StandardCharsets.US_ASCII);
    if (!startsWithMarker(bytes, expectedMarker)) {
      throw unreadable(source, foreignReason(bytes, expectedMarker), "move the file away", null);
    }
    if (bytes.length < HEADER_BYTES) {
      throw unreadable(source, "it is truncated after " + bytes.length + " bytes, within its header", DAMAGED, null);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int version = buffer.getInt(4);
    Coder<T> coder = coders.get(version);
    if (coder == null) {
      throw unreadable(source, versionReason(version), versionFix(), null);
    }
    int length = buffer.getInt(8);
    long expectedSize = (long) HEADER_BYTES + length + CHECKSUM_BYTES;
    if (length < 0 || bytes.length != expectedSize) {
      throw unreadable(source, sizeReason(bytes.length, expectedSize), DAMAGED, null);
    }
    int stored = buffer.getInt(HEADER_BYTES + length);
    if (stored != checksum(bytes, HEADER_BYTES + length)) {
      throw unreadable(source, "its checksum does not match its content", DAMAGED, null);
    }
    return decodePayload(source, coder, version, bytes, length);
  }

  @Override
  public String toString() {
    return description + " (" + marker + " v" + currentVersion + ", reads " + readableVersions() + ")";
  }

  private T decodePayload(String source, Coder<T> coder, int version, byte[] bytes, int length)
      throws UnreadableFileException {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes, HEADER_BYTES, length);
    T value;
    try {
      value = coder.decode(in);
    } catch (IOException | RuntimeException e) {
      throw unreadable(source, "its content does not decode with " + coder + " (version " + version + "): " + e, DAMAGED, e);
    }
    if (in.available() > 0) {
      throw unreadable(
          source, in.available() + " bytes of its content remain after decoding with " + coder, DAMAGED, null);
    }
    return value;
  }

  private static boolean startsWithMarker(byte[] bytes, byte[] expectedMarker) {
    for (int i = 0; i < expectedMarker.length; i++) {
      if (i < bytes.length && bytes[i] != expectedMarker[i]) {
        return false;
      }
    }
    return bytes.length > 0;
  }

  private String foreignReason(byte[] bytes, byte[] expectedMarker) {
    if (bytes.length == 0) {
      return "it is empty";
    }
    int shown = Math.min(bytes.length, expectedMarker.length);
    StringBuilder found = new StringBuilder();
    for (int i = 0; i < shown; i++) {
      found.append(String.format("%02x", bytes[i]));
    }
    return "it does not start with the marker '" + marker + "' of that format (found 0x" + found
        + "), so it is not a file Weir wrote in this format";
  }

  private String versionReason(int version) {
    String guess = version > currentVersion ? " (was it written by a newer Weir?)" : " (it was written by an older Weir)";
    return "it has format version " + version + ", and this build of Weir reads versions " + readableVersions() + guess;
  }

  private static String versionFix() {
    return "resume with the Weir version that wrote it, or start over with a new --checkpointDir";
  }

  private static String sizeReason(int actual, long expected) {
    return actual < expected
        ? "it is truncated: " + actual + " bytes of the " + expected + " its header announces"
        : "it has " + (actual - expected) + " bytes more than the " + expected + " its header announces";
  }

  private UnreadableFileException unreadable(String source, String reason, String fix, Throwable cause) {
    return new UnreadableFileException(
        source, "Cannot read " + source + " as " + description + ": " + reason + ". Fix: " + fix + ".", cause);
  }

  private static int checksum(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }
}
