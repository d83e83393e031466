package dev.weir.sdk.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A small program that survives {@code SIGKILL}, for the crash tests of {@link CrashTester}: it
 * appends the lines {@code "line 0"} to {@code "line <n-1>"} to an output file, at most {@code rate}
 * lines per second, and after each line records its progress (the next line number and the output's
 * length) in a progress file, replaced atomically. A restart truncates the output to the recorded
 * length, so a line written but not recorded is written again exactly once.
 *
 * <p>Arguments: {@code output progress n rate}. Prints {@code resuming at <i>} when it found
 * progress, {@code started}, {@code wrote <i>} after each line is recorded, and {@code done}.
 */
public final class CrashSafeAppender {
  private CrashSafeAppender() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path output = Paths.get(args[0]);
    Path progress = Paths.get(args[1]);
    long n = Long.parseLong(args[2]);
    long rate = Long.parseLong(args[3]);
    long next = 0;
    long length = 0;
    if (Files.exists(progress)) {
      List<String> recorded = Files.readAllLines(progress);
      next = Long.parseLong(recorded.get(0));
      length = Long.parseLong(recorded.get(1));
      System.out.println("resuming at " + next);
    }
    try (FileChannel out = FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      out.truncate(length);
      out.position(length);
      System.out.println("started");
      long lifeStart = System.nanoTime();
      for (long i = next; i < n; i++) {
        pace(lifeStart, i - next, rate);
        length += out.write(ByteBuffer.wrap(("line " + i + "\n").getBytes(StandardCharsets.UTF_8)));
        record(progress, i + 1, length);
        System.out.println("wrote " + i);
      }
    }
    System.out.println("done");
  }

  /** Waits until the {@code k}-th line of this run is due; the pacing makes kills land mid-work. */
  private static void pace(long lifeStart, long k, long rate) throws InterruptedException {
    long dueNanos = lifeStart + k * 1_000_000_000L / rate;
    long early = dueNanos - System.nanoTime();
    if (early > 0) {
      Thread.sleep(early / 1_000_000, (int) (early % 1_000_000));
    }
  }

  private static void record(Path progress, long next, long length) throws IOException {
    Path temp = progress.resolveSibling(progress.getFileName() + ".tmp");
    Files.writeString(temp, next + "\n" + length + "\n");
    Files.move(temp, progress, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
