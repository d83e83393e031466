package dev.weir.sdk.options;

import com.google.common.base.Joiner;
import com.google.common.collect.ImmutableList;
import dev.weir.sdk.PipelineRunner;
import dev.weir.sdk.runners.PipelineRunnerRegistrar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Resolves the value of {@code --runner} to a runner class.
 *
 * <p>Runners are those listed by every {@link PipelineRunnerRegistrar} that {@link ServiceLoader}
 * finds through {@link #classLoader()}, looked up afresh on each call. A runner answers to its
 * simple class name ({@code DirectRunner}), to that name without the {@code Runner} suffix ({@code
 * direct}), both in any case, and to its fully qualified class name; a fully qualified name also
 * finds a runner class that no registrar lists. An unknown or ambiguous name throws {@link
 * IllegalArgumentException} whose message lists the runners on the classpath and, for a likely
 * typo, the runner meant. Thread-safe.
 */
final class RunnerNames {

  /** The dependency that brings the default runner. */
  static final String DIRECT_RUNNER_DEPENDENCY = "dev.weir:weir-runner-direct";

  private RunnerNames() {}

  /** The runner class {@code name} stands for. */
  static Class<? extends PipelineRunner<?>> resolve(String name) {
    List<Class<? extends PipelineRunner<?>>> registered = registered();
    Set<Class<? extends PipelineRunner<?>>> matches = new LinkedHashSet<>();
    for (Class<? extends PipelineRunner<?>> runner : registered) {
      if (runner.getSimpleName().equalsIgnoreCase(name)
          || shortName(runner).equalsIgnoreCase(name)
          || runner.getName().equals(name)) {
        matches.add(runner);
      }
    }
    if (matches.size() == 1) {
      return matches.iterator().next();
    }
    if (matches.size() > 1) {
      List<String> names = matches.stream().map(Class::getName).toList();
      throw new IllegalArgumentException(
          "Runner name '" + name + "' is ambiguous: it matches " + Joiner.on(", ").join(names)
              + ". Pass the fully qualified class name, e.g. --runner=" + names.get(0) + ".");
    }
    return byClassName(name).orElseThrow(() -> unknown(name, registered));
  }

  /** The registered runner classes, without duplicates, sorted by simple name. */
  static List<Class<? extends PipelineRunner<?>>> registered() {
    Set<Class<? extends PipelineRunner<?>>> runners = new LinkedHashSet<>();
    for (PipelineRunnerRegistrar registrar :
        ServiceLoader.load(PipelineRunnerRegistrar.class, classLoader())) {
      registrar.getPipelineRunners().forEach(runners::add);
    }
    List<Class<? extends PipelineRunner<?>>> sorted = new ArrayList<>(runners);
    sorted.sort(Comparator.comparing(Class::getSimpleName));
    return ImmutableList.copyOf(sorted);
  }

  /** The short name of a runner: its simple name without {@code Runner}, lower-cased. */
  static String shortName(Class<?> runner) {
    String simple = runner.getSimpleName();
    String base = simple.endsWith("Runner") && simple.length() > "Runner".length()
        ? simple.substring(0, simple.length() - "Runner".length())
        : simple;
    return base.toLowerCase(Locale.ROOT);
  }

  /** The runners as {@code DirectRunner (direct), ...}, for messages and help. */
  static String describe(List<Class<? extends PipelineRunner<?>>> runners) {
    List<String> names = new ArrayList<>();
    for (Class<? extends PipelineRunner<?>> runner : runners) {
      names.add(runner.getSimpleName() + " (" + shortName(runner) + ")");
    }
    return Joiner.on(", ").join(names);
  }

  /** The loader that finds runners, registrars and classes named by flags. */
  static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : RunnerNames.class.getClassLoader();
  }

  @SuppressWarnings("unchecked") // checked with isAssignableFrom
  private static Optional<Class<? extends PipelineRunner<?>>> byClassName(String name) {
    if (!name.contains(".")) {
      return Optional.empty();
    }
    Class<?> found;
    try {
      found = Class.forName(name, false, classLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    if (!PipelineRunner.class.isAssignableFrom(found)) {
      throw new IllegalArgumentException(
          "Class " + name + " given as --runner is not a " + PipelineRunner.class.getName()
              + "; pass a runner name such as --runner=direct.");
    }
    return Optional.of((Class<? extends PipelineRunner<?>>) found);
  }

  private static IllegalArgumentException unknown(
      String name, List<Class<? extends PipelineRunner<?>>> registered) {
    if (registered.isEmpty()) {
      return new IllegalArgumentException(
          "Unknown runner '" + name + "'. No runner is on the classpath: add a runner module, "
              + "such as the dependency " + DIRECT_RUNNER_DEPENDENCY + ".");
    }
    Map<String, String> candidates = new LinkedHashMap<>();
    for (Class<? extends PipelineRunner<?>> runner : registered) {
      candidates.put(runner.getSimpleName(), runner.getSimpleName());
      candidates.put(shortName(runner), runner.getSimpleName());
    }
    String suggestion = ClosestMatch.among(candidates.keySet(), name)
        .map(c -> " Did you mean " + candidates.get(c) + "?")
        .orElse("");
    return new IllegalArgumentException(
        "Unknown runner '" + name + "'. Runners on the classpath: " + describe(registered) + "."
            + suggestion);
  }
}
