package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.base.Throwables;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Filter}. */
@ValidatesRunner
class FilterTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private PCollection<Integer> numbers() {
    return p.apply(Create.of(1, 2, 3, 4, 5, 6, 7));
  }

  @Test
  void keepsTheElementsThatSatisfyThePredicate() {
    PAssert.that(numbers().apply(Filter.by((Integer n) -> n % 2 == 0))).containsInAnyOrder(2, 4, 6);
    p.run();
  }

  @Test
  void keepsNothingWhenNothingSatisfiesThePredicate() {
    PAssert.that(numbers().apply(Filter.by((Integer n) -> n > 100))).empty();
    p.run();
  }

  @Test
  void comparesWithAValue() {
    PAssert.that(numbers().apply("lt", Filter.lessThan(3))).containsInAnyOrder(1, 2);
    PAssert.that(numbers().apply("le", Filter.lessThanEq(3))).containsInAnyOrder(1, 2, 3);
    PAssert.that(numbers().apply("gt", Filter.greaterThan(5))).containsInAnyOrder(6, 7);
    PAssert.that(numbers().apply("ge", Filter.greaterThanEq(5))).containsInAnyOrder(5, 6, 7);
    PAssert.that(numbers().apply("eq", Filter.equal(4))).containsInAnyOrder(4);
    p.run();
  }

  @Test
  void aPredicateReturningNullFailsNamingTheElement() {
    numbers().apply(Filter.by((Integer n) -> n == 5 ? null : Boolean.TRUE));
    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);
    assertThat(Throwables.getRootCause(e).getMessage(),
        allOf(containsString("returned null for element 5"), containsString("return true or false")));
  }
}
