package dev.weir.runners.continuous;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CustomCoder;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.PCollection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a list of windowed elements of one collection for a checkpoint: each element as its
 * value (the collection's coder), timestamp, windows (the window function's coder) and pane.
 */
final class ElementsCoder extends CustomCoder<List<WindowedValue<?>>> {
  private static final long serialVersionUID = 1L;

  private final Coder<Object> valueCoder;
  private final Coder<List<BoundedWindow>> windowsCoder;

  @SuppressWarnings("unchecked")
  private ElementsCoder(Coder<?> valueCoder, Coder<?> windowCoder) {
    this.valueCoder = (Coder<Object>) valueCoder;
    this.windowsCoder = ListCoder.of((Coder<BoundedWindow>) windowCoder);
  }

  /** The coder of elements of {@code collection}. */
  static ElementsCoder of(PCollection<?> collection) {
    return new ElementsCoder(collection.getCoder(), collection.getWindowingStrategy().getWindowFn().windowCoder());
  }

  @Override
  public void encode(List<WindowedValue<?>> elements, OutputStream out) throws IOException {
    VarIntCoder.of().encode(elements.size(), out);
    for (WindowedValue<?> element : elements) {
      valueCoder.encode(element.getValue(), out);
      InstantCoder.of().encode(element.getTimestamp(), out);
      windowsCoder.encode(new ArrayList<>(element.getWindows()), out);
      PaneInfo.PaneInfoCoder.INSTANCE.encode(element.getPane(), out);
    }
  }

  @Override
  public List<WindowedValue<?>> decode(InputStream in) throws IOException {
    int size = VarIntCoder.of().decode(in);
    List<WindowedValue<?>> elements = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Object value = valueCoder.decode(in);
      elements.add(WindowedValue.of(value, InstantCoder.of().decode(in), windowsCoder.decode(in),
          PaneInfo.PaneInfoCoder.INSTANCE.decode(in)));
    }
    return elements;
  }
}
