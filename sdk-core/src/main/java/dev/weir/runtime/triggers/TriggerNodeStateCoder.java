package dev.weir.runtime.triggers;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * Encodes the states of one trigger tree, node by node in depth-first order: a flags byte
 * (finished, has a count, has a target), the count and the target as big-endian longs when present,
 * then the sub-states. The number of sub-states is not written: it is the tree's, and decoding
 * follows the tree, so a state of another trigger fails to decode or is rejected.
 *
 * <p>Deterministic: equal states encode to equal bytes. Immutable and thread-safe.
 */
final class TriggerNodeStateCoder extends Coder<TriggerState> {
  private static final long serialVersionUID = 1L;
  private static final int FINISHED = 1;
  private static final int HAS_COUNT = 2;
  private static final int HAS_TARGET = 4;
  private static final int ALL_FLAGS = FINISHED | HAS_COUNT | HAS_TARGET;

  private final NodeStateMachine root;

  TriggerNodeStateCoder(NodeStateMachine root) {
    this.root = root;
  }

  @Override
  public void encode(TriggerState value, OutputStream out) throws IOException {
    if (!(value instanceof TriggerNodeState state)) {
      throw new CoderException("cannot encode " + value + " as a state of " + root);
    }
    DataOutputStream data = new DataOutputStream(out);
    encodeNode(root, state, data);
    data.flush();
  }

  private void encodeNode(NodeStateMachine machine, TriggerNodeState state, DataOutputStream out)
      throws IOException {
    if (state.subStates().size() != machine.subMachines().size()) {
      throw new CoderException(
          "cannot encode " + state + " as a state of " + machine + ": it has "
              + state.subStates().size() + " sub-states, the trigger has " + machine.subMachines().size());
    }
    int flags = (state.finished() ? FINISHED : 0)
        | (state.elementCount() != 0 ? HAS_COUNT : 0)
        | (state.target() != null ? HAS_TARGET : 0);
    out.writeByte(flags);
    if (state.elementCount() != 0) {
      out.writeLong(state.elementCount());
    }
    if (state.target() != null) {
      out.writeLong(state.target().getMillis());
    }
    for (int i = 0; i < machine.subMachines().size(); i++) {
      encodeNode(machine.sub(i), state.sub(i), out);
    }
  }

  @Override
  public TriggerState decode(InputStream in) throws IOException {
    return decodeNode(root, new DataInputStream(in));
  }

  private TriggerNodeState decodeNode(NodeStateMachine machine, DataInputStream in) throws IOException {
    int flags = in.readUnsignedByte();
    if ((flags & ~ALL_FLAGS) != 0) {
      throw new CoderException("corrupt state of " + machine + ": unknown flags " + flags);
    }
    long count = (flags & HAS_COUNT) != 0 ? in.readLong() : 0;
    if (count < 0) {
      throw new CoderException("corrupt state of " + machine + ": negative element count " + count);
    }
    Instant target = (flags & HAS_TARGET) != 0 ? new Instant(in.readLong()) : null;
    List<TriggerNodeState> subs = new ArrayList<>();
    for (NodeStateMachine sub : machine.subMachines()) {
      subs.add(decodeNode(sub, in));
    }
    return new TriggerNodeState((flags & FINISHED) != 0, count, target, subs);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TriggerNodeStateCoder other && root.toString().equals(other.root.toString());
  }

  @Override
  public int hashCode() {
    return root.toString().hashCode();
  }

  @Override
  public String toString() {
    return "TriggerStateCoder(" + root + ")";
  }
}
