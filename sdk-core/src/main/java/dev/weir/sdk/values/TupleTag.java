package dev.weir.sdk.values;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names one of several outputs or inputs of a transform (the outputs of a multi-output
 * {@code ParDo}, the inputs of {@code CoGroupByKey}).
 *
 * <p>Tags are compared by id. A tag made without an id gets one that is unique in this JVM; when
 * it is made in a static initializer (a {@code static final} field, the usual place) its id is
 * the class name and the tag's position among that class's tags ({@code "com.example.Fns#1"}), so
 * it is the same in every JVM that runs the pipeline. Other generated ids name their creation site
 * and differ between JVMs. Create tags as anonymous subclasses ({@code new TupleTag<String>() {}})
 * so their element type is known.
 *
 * @param <V> the type of the elements the tagged value holds
 */
public class TupleTag<V> implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final Map<String, Integer> STATIC_TAGS_PER_CLASS = new HashMap<>();

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
    StackTraceElement[] stack = new Throwable().getStackTrace();
    // A tag made while a class initializes (a static final field) is named after that class and
    // its position among the class's tags, so it has the same id in every JVM, as in Beam.
    for (StackTraceElement frame : stack) {
      if (frame.getMethodName().equals("<clinit>")) {
        synchronized (STATIC_TAGS_PER_CLASS) {
          int position = STATIC_TAGS_PER_CLASS.merge(frame.getClassName(), 1, Integer::sum);
          return frame.getClassName() + "#" + position;
        }
      }
    }
    StackTraceElement site = null;
    for (StackTraceElement frame : stack) {
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
    return this == o || (o instanceof TupleTag && id.equals(((TupleTag<?>) o).id));
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
