package dev.weir.runtime.graph;

import dev.weir.sdk.io.Read;
import dev.weir.sdk.io.TransactionalWrite;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.transforms.Flatten;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.windowing.Window;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The primitive transforms a runner executes; every other transform is a composite of them.
 *
 * <p>Immutable; {@link #of} classifies a transform by its class.
 */
public enum Primitive {
  /** {@link Read.Bounded}: reads a bounded source. */
  READ_BOUNDED(Read.Bounded.class, "Read.Bounded"),
  /** {@link Read.Unbounded}: reads an unbounded source, with its watermark. */
  READ_UNBOUNDED(Read.Unbounded.class, "Read.Unbounded"),
  /** {@link TestStream}: plays a scripted stream of elements, watermarks and processing time. */
  TEST_STREAM(TestStream.class, "TestStream"),
  /** {@link ParDo.MultiOutput}: runs a DoFn. */
  PAR_DO(ParDo.MultiOutput.class, "ParDo.MultiOutput"),
  /** {@link GroupByKey}: groups by key and window. */
  GROUP_BY_KEY(GroupByKey.class, "GroupByKey"),
  /** {@link Flatten.PCollections}: unions collections. */
  FLATTEN(Flatten.PCollections.class, "Flatten.PCollections"),
  /** {@link Window.Assign}: assigns windows. */
  WINDOW_ASSIGN(Window.Assign.class, "Window.Assign"),
  /** {@link View.CreatePCollectionView}: makes a collection readable as a side input. */
  CREATE_VIEW(View.CreatePCollectionView.class, "View.CreatePCollectionView"),
  /** {@link TransactionalWrite}: writes through a sink whose transactions the runner drives. */
  TRANSACTIONAL_WRITE(TransactionalWrite.class, "TransactionalWrite");

  private final Class<?> transformClass;
  private final String displayName;

  Primitive(Class<?> transformClass, String displayName) {
    this.transformClass = transformClass;
    this.displayName = displayName;
  }

  /** The primitive {@code transform} is, or empty if it is none of them. */
  public static Optional<Primitive> of(PTransform<?, ?> transform) {
    for (Primitive primitive : values()) {
      if (primitive.transformClass.isInstance(transform)) {
        return Optional.of(primitive);
      }
    }
    return Optional.empty();
  }

  /** The names of all primitives, comma separated, for error messages. */
  public static String knownNames() {
    return Arrays.stream(values()).map(Primitive::displayName).collect(Collectors.joining(", "));
  }

  /** The transform's name as users know it ("ParDo.MultiOutput"). */
  public String displayName() {
    return displayName;
  }
}
