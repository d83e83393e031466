package dev.weir.io;

import static com.google.common.base.Preconditions.checkState;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes one shard of a text sink to a new, uniquely named file in a temporary directory.
 *
 * <p>Call order: {@link #open}, any number of {@link #writeLine}, then either {@link #finish} (the
 * file is complete and on disk) or {@link #abort} (the file is gone). A writer whose calls fail
 * deletes its file before rethrowing, so a temporary file either is complete or does not exist
 * once its writer is done. Lines are UTF-8, each followed by {@code \n}. Used by one thread.
 */
final class TextShardWriter {
  private final Path file;
  private final FileChannel channel;
  private final Writer writer;
  private boolean done;

  private TextShardWriter(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
    this.writer = new BufferedWriter(
        new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 64 * 1024);
  }

  /** Creates {@code directory} if needed and a new file in it, starting with {@code header} if not null. */
  static TextShardWriter open(Path directory, String header) throws IOException {
    return open(directory, UUID.randomUUID().toString(), header);
  }

  /** As {@link #open(Path, String)}, naming the new file {@code name}, which must not exist yet. */
  static TextShardWriter open(Path directory, String name, String header) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(name);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    TextShardWriter shard = new TextShardWriter(file, channel);
    if (header != null) {
      shard.writeLine(header);
    }
    return shard;
  }

  /** Appends {@code line} and a line terminator. */
  void writeLine(String line) throws IOException {
    checkState(!done, "shard %s is already finished", file);
    try {
      writer.write(line);
      writer.write('\n');
    } catch (IOException | RuntimeException e) {
      abort();
      throw e;
    }
  }

  /**
   * Writes {@code footer} (if not null), forces the bytes to disk and closes the file.
   *
   * @return the temporary file, now complete
   */
  Path finish(String footer) throws IOException {
    checkState(!done, "shard %s is already finished", file);
    try {
      if (footer != null) {
        writer.write(footer);
        writer.write('\n');
      }
      writer.flush();
      // The commit renames this file into place; it must be on disk before the name is.
      channel.force(true);
      writer.close();
    } catch (IOException | RuntimeException e) {
      abort();
      throw e;
    }
    done = true;
    return file;
  }

  /** Closes and deletes the file, ignoring errors: the writer is already failing or abandoned. */
  void abort() {
    if (done) {
      return;
    }
    done = true;
    try {
      channel.close();
    } catch (IOException ignored) {
      // Deleting the file below is what matters.
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // The commit deletes the whole temporary directory, this file included.
    }
  }

  /** The temporary file being written. */
  Path file() {
    return file;
  }
}
