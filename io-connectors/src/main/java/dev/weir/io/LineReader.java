package dev.weir.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from a stream and knows the byte offset of each: the scanner under
 * {@link TextSource}'s readers.
 *
 * <p>{@code \n}, {@code \r\n} and a lone {@code \r} each end a line and are not part of it. Bytes
 * after the last terminator form a last line; a stream that ends right after a terminator has no
 * further, empty line. Offsets count bytes from where the stream was opened plus the start offset
 * given. Used by one thread; closing closes the stream.
 */
final class LineReader implements Closeable {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int bufferPos;
  private int bufferLimit;
  /** The offset of buffer[0] in the file. */
  private long bufferStart;
  private byte[] line = new byte[256];
  private int lineLength;

  LineReader(InputStream in, long startOffset) {
    this.in = in;
    this.bufferStart = startOffset;
  }

  /** The offset of the next byte to be read: the start of the next line, between lines. */
  long position() {
    return bufferStart + bufferPos;
  }

  /**
   * Reads the next line, consuming its terminator.
   *
   * @return the line without its terminator, or null if the stream has no more bytes
   */
  String readLine() throws IOException {
    lineLength = 0;
    return scanLine(true) ? new String(line, 0, lineLength, StandardCharsets.UTF_8) : null;
  }

  /** Skips the rest of the current line and its terminator; false if the stream had no more bytes. */
  boolean skipLine() throws IOException {
    return scanLine(false);
  }

  private boolean scanLine(boolean keep) throws IOException {
    if (!ensureBuffered()) {
      return false;
    }
    while (ensureBuffered()) {
      int start = bufferPos;
      int end = start;
      while (end < bufferLimit && buffer[end] != '\n' && buffer[end] != '\r') {
        end++;
      }
      if (keep) {
        append(start, end - start);
      }
      bufferPos = end;
      if (end < bufferLimit) {
        consumeTerminator();
        return true;
      }
    }
    return true;
  }

  private void consumeTerminator() throws IOException {
    byte terminator = buffer[bufferPos++];
    // A '\r' may be the first half of "\r\n", whose '\n' can sit in the next buffer fill.
    if (terminator == '\r' && ensureBuffered() && buffer[bufferPos] == '\n') {
      bufferPos++;
    }
  }

  /** Makes at least one unread byte available; false at the end of the stream. */
  private boolean ensureBuffered() throws IOException {
    while (bufferPos >= bufferLimit) {
      bufferStart += bufferLimit;
      bufferPos = 0;
      bufferLimit = 0;
      int n = in.read(buffer, 0, buffer.length);
      if (n < 0) {
        return false;
      }
      bufferLimit = n;
    }
    return true;
  }

  private void append(int from, int length) {
    if (lineLength + length > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
    }
    System.arraycopy(buffer, from, line, lineLength, length);
    lineLength += length;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
