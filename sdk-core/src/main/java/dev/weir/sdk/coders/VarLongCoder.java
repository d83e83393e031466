package dev.weir.sdk.coders;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** INTERIM (replaced by the coders branch). */
public final class VarLongCoder extends Coder<Long> {
  private static final long serialVersionUID = 1L;
  private static final VarLongCoder INSTANCE = new VarLongCoder();

  public static VarLongCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Long value, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    d.writeLong(value);
    d.flush();
  }

  @Override
  public Long decode(InputStream in) throws IOException {
    return new DataInputStream(in).readLong();
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
