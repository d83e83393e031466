package dev.weir.examples.compare;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Splitter;
import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.runners.PipelineRunnerRegistrar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Which runners a comparison uses and with which flags: the runners found on the classpath (through
 * their {@link PipelineRunnerRegistrar}s, as {@code --runner} finds them), each at the settings of
 * {@link #PRESETS} unless {@code --runners} gives its own.
 *
 * <p>{@code --runners} is a comma-separated list of entries; an entry is a runner's short name
 * ({@code microbatch}: its presets) or a name with flags in parentheses
 * ({@code microbatch(--trigger=processingTime:200ms --parallelism=2)}: one setting). Stateless.
 */
final class RunnerSettings {
  /**
   * The settings a runner is compared at by default, by short name: the micro-batch runner at two
   * trigger intervals, the continuous runner at two buffer timeouts, both with two workers. A runner
   * not listed runs once, with its defaults.
   */
  static final Map<String, List<List<String>>> PRESETS = Map.of(
      "direct", List.of(List.of()),
      "microbatch", List.of(
          List.of("--parallelism=2", "--trigger=processingTime:100ms"),
          List.of("--parallelism=2", "--trigger=processingTime:1s")),
      "continuous", List.of(
          List.of("--parallelism=2", "--bufferTimeout=0"),
          List.of("--parallelism=2", "--bufferTimeout=100")));

  /** The order runners are shown in: the reference first, then the two streaming models. */
  private static final List<String> ORDER = List.of("direct", "microbatch", "continuous");

  private RunnerSettings() {}

  /** The short names of the runners on the classpath: the reference first, then the streaming models, then others. */
  static List<String> available() {
    TreeSet<String> found = new TreeSet<>();
    for (PipelineRunnerRegistrar registrar : ServiceLoader.load(PipelineRunnerRegistrar.class)) {
      for (Class<? extends PipelineRunner<?>> runner : registrar.getPipelineRunners()) {
        found.add(shortName(runner.getSimpleName()));
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String name : ORDER) {
      if (found.remove(name)) {
        ordered.add(name);
      }
    }
    ordered.addAll(found);
    return ordered;
  }

  /**
   * The runners and settings {@code spec} asks for ({@code null}: every available runner at its
   * presets), as pairs of short name and flags, in order.
   *
   * @throws IllegalArgumentException for a runner that is not on the classpath, naming those that are
   */
  static List<Map.Entry<String, List<String>>> resolve(String spec, List<String> available) {
    checkArgument(!available.isEmpty(), "compare found no runner on the classpath; add a runner module such as"
        + " dev.weir:weir-runner-direct");
    List<Map.Entry<String, List<String>>> settings = new ArrayList<>();
    for (String entry : spec == null ? available : entries(spec)) {
      int open = entry.indexOf('(');
      String name = shortName(open < 0 ? entry : entry.substring(0, open)).trim();
      checkArgument(available.contains(name), "compare --runners names '%s', which is not on the classpath;"
          + " runners found: %s", name, String.join(", ", available));
      if (open < 0) {
        for (List<String> flags : PRESETS.getOrDefault(name, List.of(List.of()))) {
          settings.add(Map.entry(name, flags));
        }
      } else {
        settings.add(Map.entry(name, flags(entry, open)));
      }
    }
    return settings;
  }

  private static List<String> entries(String spec) {
    List<String> entries = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : spec.toCharArray()) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ',' && depth == 0) {
        entries.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    checkArgument(depth == 0, "compare --runners=%s has unbalanced parentheses; write name(--flag=value ...)", spec);
    entries.add(current.toString().trim());
    entries.removeIf(String::isEmpty);
    checkArgument(!entries.isEmpty(), "compare --runners is empty; name at least one runner, e.g. --runners=direct");
    return entries;
  }

  private static List<String> flags(String entry, int open) {
    checkArgument(entry.endsWith(")"), "compare --runners entry '%s' must end with ')' after its flags", entry);
    List<String> flags = Splitter.on(' ').omitEmptyStrings().splitToList(entry.substring(open + 1, entry.length() - 1));
    for (String flag : flags) {
      checkArgument(flag.startsWith("--") && flag.contains("="),
          "compare --runners entry '%s': '%s' is not a flag; write --name=value", entry, flag);
      checkArgument(!flag.startsWith("--runner="),
          "compare --runners entry '%s': the runner is the name before the parentheses, not a --runner flag", entry);
    }
    return flags;
  }

  /** {@code MicroBatchRunner} and {@code microbatch} are both {@code microbatch}. */
  static String shortName(String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    return lower.endsWith("runner") && lower.length() > "runner".length()
        ? lower.substring(0, lower.length() - "runner".length())
        : lower;
  }
}
