package dev.weir.sdk.transforms.join;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.TupleTagList;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a {@link CoGroupByKey}, in order: maps each input's {@link TupleTag} to its union
 * tag (index) and back. Immutable.
 */
public final class CoGbkResultSchema implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TupleTagList tupleTagList;
  private final Map<TupleTag<?>, Integer> indices;

  /** The schema of inputs tagged by {@code tupleTagList}, in its order; tags must be distinct. */
  public CoGbkResultSchema(TupleTagList tupleTagList) {
    this.tupleTagList = tupleTagList;
    this.indices = new HashMap<>();
    List<TupleTag<?>> tags = tupleTagList.getAll();
    for (int i = 0; i < tags.size(); i++) {
      checkArgument(indices.put(tags.get(i), i) == null, "CoGbkResultSchema: tag %s appears twice", tags.get(i));
    }
  }

  /** The schema of inputs tagged by {@code tags}, in order. */
  public static CoGbkResultSchema of(List<TupleTag<?>> tags) {
    return new CoGbkResultSchema(TupleTagList.of(new ArrayList<>(tags)));
  }

  /** The union tag of {@code tag}; fails naming the known tags if it is not in this schema. */
  public int getIndex(TupleTag<?> tag) {
    Integer index = indices.get(tag);
    checkArgument(index != null, "TupleTag %s is not in the schema; it has %s", tag, tupleTagList.getAll());
    return index;
  }

  /** Whether {@code tag} is one of this schema's tags. */
  public boolean contains(TupleTag<?> tag) {
    return indices.containsKey(tag);
  }

  /** The tag with union tag {@code index}. */
  public TupleTag<?> getTag(int index) {
    return tupleTagList.getAll().get(index);
  }

  /** The number of inputs. */
  public int size() {
    return indices.size();
  }

  public TupleTagList getTupleTagList() {
    return tupleTagList;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CoGbkResultSchema
        && tupleTagList.getAll().equals(((CoGbkResultSchema) o).tupleTagList.getAll());
  }

  @Override
  public int hashCode() {
    return tupleTagList.getAll().hashCode();
  }

  @Override
  public String toString() {
    return "CoGbkResultSchema" + tupleTagList.getAll();
  }
}
