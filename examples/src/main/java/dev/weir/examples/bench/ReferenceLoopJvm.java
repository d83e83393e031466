package dev.weir.examples.bench;

import dev.weir.io.synthetic.Checksum;
import dev.weir.sdk.testing.ChildJvm;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.joda.time.Duration;

/**
 * The plain loop of {@code --verify} timed in a JVM of its own, so that it starts as cold as the
 * pipeline it is compared with: its code not yet compiled, its heap not yet touched. A run in the
 * bench's own JVM, after the pipeline, would find the generator's code compiled and the heap's
 * pages mapped, and charge that start-up to the pipeline alone. The child runs the loop twice and
 * reports both times: the first (cold) is the baseline of the performance targets, the second
 * (warm) shows the loop's steady speed.
 *
 * <p>The child gets the same {@code java}, class path and heap flags as this JVM.
 */
final class ReferenceLoopJvm {
  /** How long the child may take: the loop twice over the largest inputs anyone runs here. */
  private static final Duration LIMIT = Duration.standardMinutes(30);
  private static final String PREFIX = "reference ";

  private ReferenceLoopJvm() {}

  /** The loop's answer and times for {@code workload} over {@code n} events. */
  record Run(Bench.Answer answer, double coldSeconds, double warmSeconds) {}

  /** Runs the loop in a child JVM and reads what it printed. */
  static Run run(Workload workload, long n) {
    ChildJvm.Spec spec = ChildJvm.of(ReferenceLoopJvm.class)
        .withJvmFlags(heapFlags())
        .withArgs(workload.name(), Long.toString(n));
    try (ChildJvm child = spec.start()) {
      Optional<String> line = child.awaitLine(printed -> printed.startsWith(PREFIX), 1, LIMIT);
      int status = child.awaitExit(Duration.standardSeconds(30));
      if (line.isEmpty() || status != 0) {
        throw new IllegalStateException("The reference loop's JVM (" + spec.command() + ") exited with status "
            + status + " without its result; its output ends:\n" + String.join("\n", child.outputTail(20)));
      }
      return parse(line.get());
    }
  }

  /** The child: prints {@code reference rows=R checksum=C cold_seconds=S warm_seconds=S}. */
  public static void main(String[] args) {
    Workload workload = Workload.valueOf(args[0]);
    long n = Long.parseLong(args[1]);
    long start = System.nanoTime();
    Checksum cold = ReferenceLoop.checksum(workload, n);
    long middle = System.nanoTime();
    ReferenceLoop.checksum(workload, n);
    long end = System.nanoTime();
    System.out.printf(Locale.ROOT, "%srows=%d checksum=%d cold_seconds=%.6f warm_seconds=%.6f%n",
        PREFIX, cold.rows(), cold.value(), (middle - start) / 1e9, (end - middle) / 1e9);
  }

  private static Run parse(String line) {
    String[] fields = line.substring(PREFIX.length()).split(" ");
    return new Run(new Bench.Answer(Long.parseLong(value(fields[0])), Long.parseLong(value(fields[1]))),
        Double.parseDouble(value(fields[2])), Double.parseDouble(value(fields[3])));
  }

  private static String value(String field) {
    return field.substring(field.indexOf('=') + 1);
  }

  /** This JVM's heap flags, which the loop's JVM gets too. */
  private static String[] heapFlags() {
    List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(flag -> flag.startsWith("-Xmx") || flag.startsWith("-Xms"))
        .toList();
    return flags.toArray(String[]::new);
  }
}
