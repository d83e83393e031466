package dev.weir.runtime.durability;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes files so that a crash at any moment leaves either the complete old content or the complete
 * new content under the target name, never a mix or a prefix.
 *
 * <p>A write goes to a temporary sibling ({@code .<name>.weir-tmp}), is forced to the device, and
 * is then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}; finally the directory
 * is forced so that the rename itself survives a power loss where the platform allows it. A crash
 * before the rename leaves a temporary file behind: it never has the target's name, {@link
 * #isTemporary} recognises it, the next write of the same target overwrites it, and {@link
 * #deleteLeftovers} removes them all.
 *
 * <p>Threading: stateless; at most one thread may write a given target at a time (two concurrent
 * writers of one target share its temporary file). Failure: any {@link IOException} leaves the
 * target untouched; a file system without atomic rename fails naming the directory.
 */
public final class DurableFile {
  private static final String TEMPORARY_PREFIX = ".";
  private static final String TEMPORARY_SUFFIX = ".weir-tmp";

  private DurableFile() {}

  /**
   * Replaces the content of {@code target} with {@code content}, atomically and durably.
   *
   * @param target the file to write; its parent directory must exist
   * @param content the complete new content
   * @throws IOException if writing, forcing or renaming fails; {@code target} is then unchanged
   */
  public static void write(Path target, byte[] content) throws IOException {
    Path directory = parentOf(target);
    Path temporary = temporaryFor(target);
    try (FileChannel channel =
        FileChannel.open(
            temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temporary);
      throw new IOException(
          "Cannot write " + target + " durably: the file system of " + directory + " cannot rename atomically."
              + " Use a --checkpointDir on a local file system.",
          e);
    }
    forceDirectory(directory);
  }

  /** The complete content of {@code file}; fails with {@link java.nio.file.NoSuchFileException} if absent. */
  public static byte[] read(Path file) throws IOException {
    return Files.readAllBytes(file);
  }

  /** Whether {@code file} is the temporary file of an unfinished (crashed or running) write. */
  public static boolean isTemporary(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return false;
    }
    String text = name.toString();
    return text.startsWith(TEMPORARY_PREFIX) && text.endsWith(TEMPORARY_SUFFIX);
  }

  /**
   * Deletes the temporary files that crashed writes left in {@code directory} (not in its
   * subdirectories) and returns them; call it at startup, before any write into the directory.
   */
  public static List<Path> deleteLeftovers(Path directory) throws IOException {
    List<Path> deleted = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, DurableFile::isTemporary)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry)) {
          Files.delete(entry);
          deleted.add(entry);
        }
      }
    }
    return deleted;
  }

  private static Path temporaryFor(Path target) {
    return target.resolveSibling(TEMPORARY_PREFIX + target.getFileName() + TEMPORARY_SUFFIX);
  }

  private static Path parentOf(Path target) {
    Path absolute = target.toAbsolutePath();
    Path parent = absolute.getParent();
    checkArgument(parent != null && absolute.getFileName() != null, "%s names no file in a directory", target);
    checkArgument(!isTemporary(target), "%s has the name of a temporary file; choose another name", target);
    return parent;
  }

  private static void forceDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory as a channel, and some file systems
      // refuse fsync on one. The rename has happened regardless; only its survival of a power
      // loss (not of a process crash) then rests on the file system's own ordering.
    }
  }
}
