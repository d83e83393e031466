package dev.weir.sdk.values;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;

/** An immutable, ordered list of {@link TupleTag}s, such as the additional outputs of a {@code ParDo}. */
public final class TupleTagList implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<TupleTag<?>> tags;

  private TupleTagList(ImmutableList<TupleTag<?>> tags) {
    this.tags = tags;
  }

  public static TupleTagList empty() {
    return new TupleTagList(ImmutableList.of());
  }

  public static TupleTagList of(TupleTag<?> tag) {
    return empty().and(tag);
  }

  public static TupleTagList of(List<TupleTag<?>> tags) {
    return empty().and(tags);
  }

  /** A new list with {@code tag} appended. */
  public TupleTagList and(TupleTag<?> tag) {
    return new TupleTagList(ImmutableList.<TupleTag<?>>builder().addAll(tags).add(tag).build());
  }

  /** A new list with {@code more} appended. */
  public TupleTagList and(List<TupleTag<?>> more) {
    return new TupleTagList(ImmutableList.<TupleTag<?>>builder().addAll(tags).addAll(more).build());
  }

  public int size() {
    return tags.size();
  }

  public TupleTag<?> get(int index) {
    return tags.get(index);
  }

  public List<TupleTag<?>> getAll() {
    return tags;
  }

  @Override
  public String toString() {
    return tags.toString();
  }
}
