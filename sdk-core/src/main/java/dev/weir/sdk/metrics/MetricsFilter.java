package dev.weir.sdk.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses metrics by name and by step. A filter with no name filters matches every name; one with
 * no steps matches every step. A step matches if its full name equals a given step, or contains it
 * as a whole path segment sequence ("Count" matches "WordCount/Count/Combine").
 *
 * <p>Immutable; build with {@link #builder()}.
 */
public final class MetricsFilter {
  private final List<MetricNameFilter> names;
  private final List<String> steps;

  private MetricsFilter(List<MetricNameFilter> names, List<String> steps) {
    this.names = List.copyOf(names);
    this.steps = List.copyOf(steps);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether the metric {@code key} matches. */
  public boolean matches(MetricKey key) {
    boolean nameOk = names.isEmpty() || names.stream().anyMatch(f -> f.matches(key.metricName()));
    boolean stepOk = steps.isEmpty() || steps.stream().anyMatch(s -> stepMatches(key.stepName(), s));
    return nameOk && stepOk;
  }

  private static boolean stepMatches(String fullName, String step) {
    return fullName.equals(step)
        || fullName.startsWith(step + "/")
        || fullName.endsWith("/" + step)
        || fullName.contains("/" + step + "/");
  }

  /** Builds a {@link MetricsFilter}. */
  public static final class Builder {
    private final List<MetricNameFilter> names = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();

    private Builder() {}

    /** Also matches metrics named by {@code filter}. */
    public Builder addNameFilter(MetricNameFilter filter) {
      names.add(filter);
      return this;
    }

    /** Also matches metrics reported by {@code step}. */
    public Builder addStep(String step) {
      steps.add(step);
      return this;
    }

    public MetricsFilter build() {
      return new MetricsFilter(names, steps);
    }
  }
}
