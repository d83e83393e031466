package dev.weir.sdk.values;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names one of several outputs or inputs of a transform (the outputs of a multi-output
 * {@code ParDo}, the inputs of {@code CoGroupByKey}).
 *
 * <p>Tags are compared by id. A tag made without an id gets one that is unique in this JVM and
 * stable for the same creation site, so a pipeline built twice has the same tags. Create tags as
 * anonymous subclasses ({@code new TupleTag<String>() {}}) so their element type is known.
 *
 * @param <V> the type of the elements the tagged value holds
 */
public class TupleTag<V> implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final AtomicLong COUNTER = new AtomicLong();

  private final String id;
  private final boolean generated;

  /** A tag with a generated id, unique within this JVM. */
  public TupleTag() {
    this(generateId(), true);
  }

  /** A tag with the given id; tags with equal ids are equal. */
  public TupleTag(String id) {
    this(id, false);
  }

  private TupleTag(String id, boolean generated) {
    this.id = id;
    this.generated = generated;
  }

  private static String generateId() {
    StackTraceElement site = null;
    for (StackTraceElement frame : new Throwable().getStackTrace()) {
      if (!frame.getClassName().equals(TupleTag.class.getName())) {
        site = frame;
        break;
      }
    }
    String where = site == null ? "tag" : site.getClassName() + "#" + site.getMethodName() + ":" + site.getLineNumber();
    return where + "#" + COUNTER.incrementAndGet();
  }

  public String getId() {
    return id;
  }

  /** Whether the id was generated rather than given. */
  public boolean isGenerated() {
    return generated;
  }

  /** The element type, when this tag was created as an anonymous subclass; otherwise {@code Object}. */
  public TypeDescriptor<V> getTypeDescriptor() {
    TypeDescriptor<V> type = new TypeDescriptor<V>(getClass()) {};
    if (type.hasUnresolvedParameters()) {
      @SuppressWarnings("unchecked")
      TypeDescriptor<V> object = (TypeDescriptor<V>) TypeDescriptor.of(Object.class);
      return object;
    }
    return type;
  }

  /** The name of an output under this tag, given its position among the transform's outputs. */
  public String getOutName(int index) {
    return generated ? "out" + index : id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TupleTag && id.equals(((TupleTag<?>) o).id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Tag<" + id + ">";
  }
}
