package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.KV;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ToString}. */
@ValidatesRunner
class ToStringTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void turnsElementsIntoTheirToString() {
    PAssert.that(p.apply(Create.of(1, 22)).apply(ToString.elements())).containsInAnyOrder("1", "22");
    p.run();
  }

  @Test
  void joinsKeysAndValuesWithACommaOrTheGivenDelimiter() {
    PAssert.that(p.apply("comma", Create.of(KV.of("a", 1))).apply("kvs", ToString.kvs())).containsInAnyOrder("a,1");
    PAssert.that(p.apply("tab", Create.of(KV.of("b", 2))).apply("kvsTab", ToString.kvs("\t")))
        .containsInAnyOrder("b\t2");
    p.run();
  }

  @Test
  void joinsIterablesWithACommaOrTheGivenDelimiter() {
    PAssert.that(p.apply("lists", Create.of(List.of("x", "", "z"), List.<String>of()).withCoder(ListCoder.of(StringUtf8Coder.of())))
        .apply(ToString.iterables()))
        .containsInAnyOrder("x,,z", "");
    PAssert.that(p.apply("pipes", Create.of(List.of(List.of(1, 2))).withCoder(ListCoder.of(VarIntCoder.of())))
        .apply("joined", ToString.iterables("|")))
        .containsInAnyOrder("1|2");
    p.run();
  }
}
