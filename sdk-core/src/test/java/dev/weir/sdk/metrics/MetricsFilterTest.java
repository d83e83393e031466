package dev.weir.sdk.metrics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/** {@link MetricsFilter} and {@link MetricNameFilter}. */
class MetricsFilterTest {
  private static final MetricName READS = MetricName.named("io", "reads");

  private static boolean matchesStep(String filterStep, String actualStep) {
    return MetricsFilter.builder().addStep(filterStep).build().matches(MetricKey.create(actualStep, READS));
  }

  @Test
  void anEmptyFilterMatchesEverything() {
    assertThat(MetricsFilter.builder().build().matches(MetricKey.create("Any/Step", READS)), is(true));
  }

  @Test
  void aStepMatchesItsFullName() {
    assertThat(matchesStep("WordCount/Count", "WordCount/Count"), is(true));
  }

  @Test
  void aStepMatchesWholePathSegmentsAnywhereInTheName() {
    assertThat(matchesStep("WordCount", "WordCount/Count/Combine"), is(true));
    assertThat(matchesStep("Count", "WordCount/Count/Combine"), is(true));
    assertThat(matchesStep("Combine", "WordCount/Count/Combine"), is(true));
    assertThat(matchesStep("Count/Combine", "WordCount/Count/Combine"), is(true));
  }

  @Test
  void aStepDoesNotMatchPartOfASegment() {
    assertThat(matchesStep("Count", "WordCount/Counter"), is(false));
    assertThat(matchesStep("Count", "WordCount"), is(false));
    assertThat(matchesStep("Count/Other", "WordCount/Count/Combine"), is(false));
  }

  @Test
  void anyOfSeveralStepsMatches() {
    MetricsFilter filter = MetricsFilter.builder().addStep("Read").addStep("Write").build();
    assertThat(filter.matches(MetricKey.create("Pipeline/Write", READS)), is(true));
  }

  @Test
  void nameAndStepMustBothMatch() {
    MetricsFilter filter = MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named("io", "writes")).addStep("Read").build();
    assertThat(filter.matches(MetricKey.create("Read", READS)), is(false));
    assertThat(filter.matches(MetricKey.create("Read", MetricName.named("io", "writes"))), is(true));
  }

  @Test
  void aNamespaceFilterMatchesEveryNameInIt() {
    assertThat(MetricNameFilter.inNamespace("io").matches(READS), is(true));
    assertThat(MetricNameFilter.inNamespace("db").matches(READS), is(false));
  }

  @Test
  void aNamedFilterMatchesOnlyThatName() {
    assertThat(MetricNameFilter.named("io", "reads").matches(READS), is(true));
    assertThat(MetricNameFilter.named("io", "writes").matches(READS), is(false));
  }

  @Test
  void aClassNamespaceIsTheClassName() {
    assertThat(MetricNameFilter.inNamespace(MetricsFilterTest.class)
        .matches(MetricName.named(MetricsFilterTest.class, "x")), is(true));
  }
}
