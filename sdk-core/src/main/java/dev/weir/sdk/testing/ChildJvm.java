package dev.weir.sdk.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.joda.time.Duration;

/**
 * A main class running in a child JVM, started by a test: same Java runtime, same class path, its
 * own arguments and heap. Its standard output and error are merged and kept (the last {@value
 * #KEPT_LINES} lines) so that a failing test can show them, and so that a test can wait for a line
 * the child prints.
 *
 * <pre>{@code
 * try (ChildJvm child = ChildJvm.of(MyJob.class).withArgs("--output=/tmp/out").withMaxHeap("256m").start()) {
 *   child.awaitLine(line -> line.startsWith("ready"), 1, Duration.standardSeconds(30));
 *   int status = child.kill(); // SIGKILL: 137 on Unix
 * }
 * }</pre>
 *
 * <p>{@link #kill} is {@link Process#destroyForcibly}, which is {@code SIGKILL} on Unix: the child
 * gets no chance to run shutdown hooks or flush anything, as in a machine or container crash
 * (short of losing the operating system's page cache). Every wait takes a time limit and fails
 * with an {@link AssertionError} that carries the child's output when it runs out, so a hung child
 * fails a test instead of hanging it. {@link #close} kills a child still running and ends the thread
 * that reads its output; children still running when the test JVM exits are killed by a shutdown
 * hook.
 *
 * <p>Thread-safe. Lines are UTF-8, without their terminators.
 */
public final class ChildJvm implements AutoCloseable {
  /** How many of the child's last output lines are kept. */
  public static final int KEPT_LINES = 10_000;

  private static final Duration KILL_TIMEOUT = Duration.standardSeconds(30);
  private static final Set<ChildJvm> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> RUNNING.forEach(child -> child.process.destroyForcibly()), "weir-child-jvm-reaper"));
  }

  private final String description;
  private final Process process;
  private final Thread outputReader;
  /**
   * The lines read, the first one being line number {@link #firstKeptLine} (from 0); between
   * {@link #KEPT_LINES} and twice that many are kept. Guarded by this.
   */
  private final List<String> lines = new ArrayList<>();
  private long firstKeptLine;
  private boolean outputEnded;

  private ChildJvm(String description, Process process) {
    this.description = description;
    this.process = process;
    this.outputReader = new Thread(this::readOutput, "weir-child-jvm-" + process.pid() + "-output");
    outputReader.setDaemon(true);
  }

  /** How to start {@code mainClass} in a child JVM: no arguments, the JVM's default heap. */
  public static Spec of(Class<?> mainClass) {
    return of(checkNotNull(mainClass, "mainClass").getName());
  }

  /** How to start the class named {@code mainClass}, which must be on this JVM's class path. */
  public static Spec of(String mainClass) {
    checkArgument(mainClass != null && !mainClass.isEmpty(), "ChildJvm.of(mainClass) needs a class name");
    return new Spec(mainClass, ImmutableList.of(), ImmutableList.of());
  }

  /**
   * How to start a child JVM: its main class, arguments and JVM flags. Immutable; {@code with*}
   * methods return copies.
   *
   * @param mainClass the fully qualified name of the class whose {@code main} runs
   * @param args the arguments passed to {@code main}
   * @param jvmFlags flags for the {@code java} command, before the main class ({@code -Xmx256m})
   */
  public record Spec(String mainClass, List<String> args, List<String> jvmFlags) {
    public Spec {
      checkNotNull(mainClass, "mainClass");
      args = ImmutableList.copyOf(args);
      jvmFlags = ImmutableList.copyOf(jvmFlags);
    }

    /** A copy with {@code args} as the arguments of {@code main}, replacing earlier ones. */
    public Spec withArgs(String... args) {
      return withArgs(ImmutableList.copyOf(args));
    }

    /** A copy with {@code args} as the arguments of {@code main}, replacing earlier ones. */
    public Spec withArgs(List<String> args) {
      return new Spec(mainClass, args, jvmFlags);
    }

    /** A copy that also passes {@code -Xmx<size>}, for example {@code "256m"}. */
    public Spec withMaxHeap(String size) {
      checkArgument(size != null && size.matches("[0-9]+[kKmMgG]?"),
          "ChildJvm.Spec.withMaxHeap(size) takes a size such as \"256m\", got \"%s\"", size);
      return withJvmFlags("-Xmx" + size);
    }

    /** A copy that also passes {@code flags} to the {@code java} command. */
    public Spec withJvmFlags(String... flags) {
      return new Spec(mainClass, args,
          ImmutableList.<String>builder().addAll(jvmFlags).add(flags).build());
    }

    /** The command line: this JVM's {@code java} binary and class path, then flags, class, arguments. */
    public List<String> command() {
      Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
      return ImmutableList.<String>builder()
          .add(java.toString())
          .addAll(jvmFlags)
          .add("-cp", System.getProperty("java.class.path"))
          .add(mainClass)
          .addAll(args)
          .build();
    }

    /**
     * Starts the child JVM.
     *
     * @throws UncheckedIOException if the {@code java} process cannot be started
     */
    public ChildJvm start() {
      ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true);
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start a child JVM for " + mainClass + ": " + e.getMessage(), e);
      }
      ChildJvm child = new ChildJvm(mainClass + " " + String.join(" ", args), process);
      RUNNING.add(child);
      child.outputReader.start();
      return child;
    }
  }

  /** The child's process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the child's process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits until the child has printed its {@code count}-th line that {@code matcher} accepts
   * (counting from its start), and returns that line; empty if the child's output ended first
   * (the child exited).
   *
   * @throws AssertionError with the child's output, if neither happened within {@code timeout}
   */
  public Optional<String> awaitLine(Predicate<String> matcher, int count, Duration timeout) {
    checkArgument(count >= 1, "ChildJvm.awaitLine needs a count >= 1, got %s", count);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout.getMillis());
    long next = 0;
    int matched = 0;
    synchronized (this) {
      while (true) {
        next = Math.max(next, firstKeptLine);
        for (; next < firstKeptLine + lines.size(); next++) {
          String line = lines.get((int) (next - firstKeptLine));
          if (matcher.test(line) && ++matched == count) {
            return Optional.of(line);
          }
        }
        if (outputEnded) {
          return Optional.empty();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("Timed out after " + timeout.getMillis() + " ms waiting for line " + count
              + " of the expected kind from child JVM " + description + describeOutput());
        }
        waitNanos(left);
      }
    }
  }

  /**
   * Waits up to {@code timeout} for the child to exit; returns its exit status, or empty if it is
   * still running then (it is left running).
   */
  public OptionalInt exitWithin(Duration timeout) {
    try {
      if (!process.waitFor(timeout.getMillis(), TimeUnit.MILLISECONDS)) {
        return OptionalInt.empty();
      }
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
    awaitOutputEnd();
    return OptionalInt.of(process.exitValue());
  }

  /**
   * Waits for the child to exit and returns its exit status.
   *
   * @throws AssertionError with the child's output, if it is still running after {@code timeout}
   *     (it is then killed)
   */
  public int awaitExit(Duration timeout) {
    OptionalInt status = exitWithin(timeout);
    if (status.isEmpty()) {
      kill();
      throw new AssertionError("Child JVM " + description + " did not exit within " + timeout.getMillis()
          + " ms; it was killed" + describeOutput());
    }
    return status.getAsInt();
  }

  /**
   * Kills the child with {@code SIGKILL} (on Unix; {@link Process#destroyForcibly} elsewhere), waits
   * until it is gone and its output is read, and returns its exit status: 137 (128 + 9) on Unix,
   * or the status it exited with if it had already exited.
   */
  public int kill() {
    process.destroyForcibly();
    try {
      checkState(process.waitFor(KILL_TIMEOUT.getMillis(), TimeUnit.MILLISECONDS),
          "Child JVM %s (pid %s) survived SIGKILL for %s ms", description, process.pid(), KILL_TIMEOUT.getMillis());
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
    awaitOutputEnd();
    return process.exitValue();
  }

  /** The kept output lines (the last {@value #KEPT_LINES}), oldest first. */
  public List<String> output() {
    return outputTail(KEPT_LINES);
  }

  /** The last {@code maxLines} output lines, oldest first. */
  public synchronized List<String> outputTail(int maxLines) {
    return new ArrayList<>(lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
  }

  /** Kills the child if it is still running, and ends the thread reading its output. */
  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
    awaitOutputEnd();
  }

  @Override
  public String toString() {
    return "ChildJvm{pid=" + process.pid() + ", " + description + "}";
  }

  private void readOutput() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        append(line);
      }
    } catch (IOException e) {
      // The pipe breaks when the child dies mid-line; what was read is all there is.
      append("[output of the child JVM ended with " + e + "]");
    } finally {
      synchronized (this) {
        outputEnded = true;
        notifyAll();
      }
      RUNNING.remove(this);
    }
  }

  private synchronized void append(String line) {
    lines.add(line);
    // Dropping old lines in halves keeps appends cheap on average.
    if (lines.size() > 2 * KEPT_LINES) {
      int dropped = lines.size() - KEPT_LINES;
      lines.subList(0, dropped).clear();
      firstKeptLine += dropped;
    }
    notifyAll();
  }

  private void awaitOutputEnd() {
    try {
      outputReader.join(KILL_TIMEOUT.getMillis());
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
  }

  private void waitNanos(long nanos) {
    try {
      TimeUnit.NANOSECONDS.timedWait(this, nanos);
    } catch (InterruptedException e) {
      throw interrupted(e);
    }
  }

  private AssertionError interrupted(InterruptedException e) {
    Thread.currentThread().interrupt();
    process.destroyForcibly();
    return new AssertionError("Interrupted while waiting for child JVM " + description + "; it was killed", e);
  }

  /** The last lines of output, for failure messages. */
  String describeOutput() {
    List<String> tail = outputTail(60);
    StringBuilder text = new StringBuilder("\n--- last ").append(tail.size()).append(" lines of its output ---");
    tail.forEach(line -> text.append('\n').append(line));
    return text.append("\n--- end of output ---").toString();
  }
}
