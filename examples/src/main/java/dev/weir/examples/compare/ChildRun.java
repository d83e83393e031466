package dev.weir.examples.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Throwables;
import dev.weir.examples.bench.Bench;
import dev.weir.examples.bench.Latency;
import dev.weir.examples.bench.LatencyResult;
import dev.weir.examples.bench.LatencyWorkload;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

/**
 * One run of a comparison, in a JVM of its own so that its CPU time and heap are its alone: runs
 * one pipeline on one runner and writes a {@link RunResult} as JSON to {@code --resultFile}.
 *
 * <pre>
 * java -Xmx512m -cp weir-examples.jar dev.weir.examples.compare.ChildRun --resultFile=F --pipeline=L1
 *     --n=1000000 --rate=50000 --seconds=8 --runner=microbatch [runner flags]
 * </pre>
 *
 * <p>A runner with a {@code --checkpointDir} option that is not given one gets a fresh temporary
 * directory, so that no run resumes another's checkpoint. A failing pipeline is reported in the
 * result's {@code error}, not by the exit status; the JVM exits when the result is written, even
 * if a runner left threads behind.
 */
public final class ChildRun {
  /** The flags of a child run; the runner's flags come alongside. */
  public interface ChildOptions extends PipelineOptions {
    @Description("Where to write the run's result, as JSON")
    String getResultFile();

    void setResultFile(String value);

    @Description("The pipeline: W0..W3 (throughput, --n events) or L0, L1 (latency, --rate for --seconds)")
    String getPipeline();

    void setPipeline(String value);

    @Description("Events of a throughput run")
    Long getN();

    void setN(Long value);

    @Description("Events per second of a latency run")
    Long getRate();

    void setRate(Long value);

    @Description("Seconds of a latency run")
    Long getSeconds();

    void setSeconds(Long value);
  }

  private ChildRun() {}

  public static void main(String[] args) throws IOException {
    ChildOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(ChildOptions.class);
    RunResult result = run(options, runnerFlags(args));
    new ObjectMapper().writeValue(Paths.get(options.getResultFile()).toFile(), result);
    System.exit(0);
  }

  /** Runs the pipeline of {@code options} and measures it; a failure becomes the result's error. */
  static RunResult run(ChildOptions options, List<String> flags) throws IOException {
    String runner = RunnerSettings.shortName(options.getRunner().getSimpleName());
    Path checkpoints = giveCheckpointDir(options, flags);
    try {
      OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      System.gc();
      HeapPeak heap = HeapPeak.start();
      long cpuBefore = processCpuNanos(os);
      if (options.getPipeline().startsWith("L")) {
        LatencyResult latency = Latency.measure(options, LatencyWorkload.valueOf(options.getPipeline()),
            options.getRate(), options.getSeconds());
        return new RunResult(options.getPipeline(), runner, flags, null, latency.events(), latency.rows(),
            latency.checksum(), options.getSeconds(), (processCpuNanos(os) - cpuBefore) / 1e9, heap.stop(), latency);
      }
      Bench.Throughput throughput = Bench.throughput(options, options.getPipeline(), options.getN());
      return new RunResult(options.getPipeline(), runner, flags, null, options.getN(),
          throughput.answer().rows(), throughput.answer().checksum(), throughput.seconds(),
          (processCpuNanos(os) - cpuBefore) / 1e9, heap.stop(), null);
    } catch (RuntimeException e) {
      return new RunResult(options.getPipeline(), runner, flags, Throwables.getStackTraceAsString(e),
          0, 0, 0, 0, 0, 0, null);
    } finally {
      if (checkpoints != null) {
        deleteRecursively(checkpoints);
      }
    }
  }

  /** The flags of {@code args} that belong to the runner, not to this class. */
  static List<String> runnerFlags(String[] args) {
    return Arrays.stream(args)
        .filter(a -> !a.startsWith("--resultFile=") && !a.startsWith("--pipeline=") && !a.startsWith("--n=")
            && !a.startsWith("--rate=") && !a.startsWith("--seconds=") && !a.startsWith("--runner="))
        .toList();
  }

  private static long processCpuNanos(OperatingSystemMXBean os) {
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  /** Sets a temporary {@code --checkpointDir} on a runner that has the option and was not given one. */
  private static Path giveCheckpointDir(PipelineOptions options, List<String> flags) throws IOException {
    if (flags.stream().anyMatch(f -> f.startsWith("--checkpointDir="))) {
      return null;
    }
    for (Class<? extends PipelineOptions> iface : PipelineOptionsFactory.getRegisteredOptions()) {
      Method setter = setter(iface);
      if (setter != null) {
        Path dir = Files.createTempDirectory("weir-compare-checkpoints-");
        try {
          setter.invoke(options.as(iface), dir.toString());
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("Could not set --checkpointDir through " + iface.getName(), e);
        }
        return dir;
      }
    }
    return null;
  }

  private static Method setter(Class<?> iface) {
    try {
      return iface.getMethod("setCheckpointDir", String.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
