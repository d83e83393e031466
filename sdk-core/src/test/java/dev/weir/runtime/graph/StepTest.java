package dev.weir.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.PTransform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Steps compare as the records they are, by every component, whatever their methods are made of. */
class StepTest {
  private final PTransform<?, ?> transform = GroupByKey.create();

  private Step step(String fullName, Primitive primitive) {
    return new Step(fullName, transform, primitive, List.of(), List.of(), Map.of());
  }

  @Test
  void stepsOfEqualComponentsAreEqualWithEqualHashes() {
    Step one = step("Count/GroupByKey", Primitive.GROUP_BY_KEY);
    Step same = step("Count/GroupByKey", Primitive.GROUP_BY_KEY);

    assertEquals(one, same);
    assertEquals(one.hashCode(), same.hashCode());
  }

  @Test
  void stepsDifferingInAnyComponentAreNotEqual() {
    Step one = step("Count/GroupByKey", Primitive.GROUP_BY_KEY);

    assertNotEquals(one, step("Other/GroupByKey", Primitive.GROUP_BY_KEY));
    assertNotEquals(one, step("Count/GroupByKey", Primitive.PAR_DO));
    assertNotEquals(one, new Step("Count/GroupByKey", GroupByKey.create(), Primitive.GROUP_BY_KEY,
        List.of(), List.of(), Map.of()));
  }
}
