package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.Coder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Encodes the one-cell primitive arrays ({@code int[1]}, {@code long[1]}, {@code double[1]}) that
 * the unboxed binary CombineFns accumulate in, by encoding the cell with the (boxed) input coder.
 *
 * @param <ArrayT> the array type
 * @param <BoxedT> the boxed cell type
 */
final class SingleCellArrayCoder<ArrayT, BoxedT> extends Coder<ArrayT> {
  private static final long serialVersionUID = 1L;

  /** Reads the cell out of an array. */
  interface Unwrap<ArrayT, BoxedT> extends Serializable {
    BoxedT cell(ArrayT array);
  }

  /** Makes a one-cell array of a value. */
  interface Wrap<ArrayT, BoxedT> extends Serializable {
    ArrayT array(BoxedT cell);
  }

  private final Coder<BoxedT> cellCoder;
  private final Unwrap<ArrayT, BoxedT> unwrap;
  private final Wrap<ArrayT, BoxedT> wrap;

  SingleCellArrayCoder(Coder<BoxedT> cellCoder, Unwrap<ArrayT, BoxedT> unwrap, Wrap<ArrayT, BoxedT> wrap) {
    this.cellCoder = cellCoder;
    this.unwrap = unwrap;
    this.wrap = wrap;
  }

  @Override
  public void encode(ArrayT value, OutputStream out) throws IOException {
    cellCoder.encode(unwrap.cell(value), out);
  }

  @Override
  public ArrayT decode(InputStream in) throws IOException {
    return wrap.array(cellCoder.decode(in));
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(cellCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    cellCoder.verifyDeterministic();
  }
}
