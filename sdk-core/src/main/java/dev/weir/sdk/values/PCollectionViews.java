package dev.weir.sdk.values;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ViewFn;
import dev.weir.sdk.transforms.windowing.WindowMappingFn;
import java.util.Map;

/** The implementation of {@link PCollectionView} that {@code View} transforms produce. */
public final class PCollectionViews {
  private PCollectionViews() {}

  /** A view of {@code pc} whose value in a window is {@code viewFn} of the window's elements. */
  public static <ElemT, ViewT> PCollectionView<ViewT> of(PCollection<ElemT> pc, ViewFn<ElemT, ViewT> viewFn) {
    return new SimplePCollectionView<>(pc, viewFn, false);
  }

  /**
   * A view of {@code pc} whose value in a window is {@code viewFn} of the elements of the latest
   * pane that reached the view in that window: the view's producer must hand it {@code pc}'s
   * elements grouped by its trigger, each with its pane (what {@code View} does for a collection
   * with a trigger or allowed lateness). See {@link PCollectionView#isPaneReplacedInternal()}.
   */
  public static <ElemT, ViewT> PCollectionView<ViewT> ofPanes(PCollection<ElemT> pc, ViewFn<ElemT, ViewT> viewFn) {
    return new SimplePCollectionView<>(pc, viewFn, true);
  }

  /**
   * A view over one collection through a {@link ViewFn}.
   *
   * @param <ElemT> the viewed element type
   * @param <ViewT> the view's value type
   */
  public static final class SimplePCollectionView<ElemT, ViewT> implements PCollectionView<ViewT> {
    private static final long serialVersionUID = 1L;

    private final transient PCollection<ElemT> pc;
    private final TupleTag<?> tag = new TupleTag<>();
    private final ViewFn<ElemT, ViewT> viewFn;
    private final WindowMappingFn<?> windowMappingFn;
    private final WindowingStrategy<?, ?> windowingStrategy;
    private final Coder<ElemT> coder;
    private final boolean paneReplaced;

    private SimplePCollectionView(PCollection<ElemT> pc, ViewFn<ElemT, ViewT> viewFn, boolean paneReplaced) {
      this.pc = pc;
      this.viewFn = viewFn;
      this.paneReplaced = paneReplaced;
      this.windowingStrategy = pc.getWindowingStrategy();
      this.windowMappingFn = windowingStrategy.getWindowFn().getDefaultWindowMappingFn();
      this.coder = pc.getCoder();
    }

    @Override
    public PCollection<ElemT> getPCollection() {
      return pc;
    }

    @Override
    public TupleTag<?> getTagInternal() {
      return tag;
    }

    @Override
    public ViewFn<ElemT, ViewT> getViewFn() {
      return viewFn;
    }

    @Override
    public WindowMappingFn<?> getWindowMappingFn() {
      return windowMappingFn;
    }

    @Override
    public WindowingStrategy<?, ?> getWindowingStrategyInternal() {
      return windowingStrategy;
    }

    @Override
    public Coder<ElemT> getCoderInternal() {
      return coder;
    }

    @Override
    public boolean isPaneReplacedInternal() {
      return paneReplaced;
    }

    @Override
    public String getName() {
      return pc.getName() + ".view";
    }

    @Override
    public void finishSpecifying(PInput input, PTransform<?, ?> transform) {}

    @Override
    public Pipeline getPipeline() {
      return pc.getPipeline();
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return Map.of(tag, this);
    }

    @Override
    public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}

    @Override
    public boolean equals(Object o) {
      return o instanceof SimplePCollectionView && tag.equals(((SimplePCollectionView<?, ?>) o).tag);
    }

    @Override
    public int hashCode() {
      return tag.hashCode();
    }

    @Override
    public String toString() {
      return "PCollectionView<" + pc.getName() + ">";
    }
  }
}
