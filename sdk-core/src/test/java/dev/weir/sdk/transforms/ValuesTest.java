package dev.weir.sdk.transforms;

import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Values}. */
@ValidatesRunner
class ValuesTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void takesTheValueOfEachPairKeepingDuplicates() {
    PAssert.that(p.apply(Create.of(KV.of("a", 1), KV.of("b", 1), KV.of("a", 3))).apply(Values.create()))
        .containsInAnyOrder(1, 1, 3);
    p.run();
  }
}
