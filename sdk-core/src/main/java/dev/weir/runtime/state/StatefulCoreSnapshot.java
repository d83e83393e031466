package dev.weir.runtime.state;

import dev.weir.runtime.timers.TimerData;
import dev.weir.runtime.timers.TimerDataCoder;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.state.TimeDomain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable format of a {@link StatefulDoFnCore}, version 1, every part written with coders:
 *
 * <ol>
 *   <li>the version (varint, 1);
 *   <li>the input watermark, processing time and synchronized processing time ({@code InstantCoder});
 *   <li>the user state ({@link StateTable#encode}: keys with the step's key coder, windows with its
 *       window coder, contents with the state's coders);
 *   <li>the timers: the next sequence number (varlong), a count (varint), then each timer
 *       ({@link TimerDataCoder}), expiry timers included, in firing order per domain.
 * </ol>
 *
 * <p>The bytes are canonical: two cores with equal contents write equal bytes.
 */
final class StatefulCoreSnapshot {
  static final int VERSION = 1;

  private StatefulCoreSnapshot() {}

  static byte[] write(StatefulDoFnCore<?, ?, ?> core) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeTo(core, out);
    } catch (IOException e) {
      throw new IllegalStateException(core.describe() + ": cannot write a snapshot: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static <K> void writeTo(StatefulDoFnCore<K, ?, ?> core, ByteArrayOutputStream out) throws IOException {
    VarIntCoder.of().encode(VERSION, out);
    for (TimeDomain domain : TimeDomain.values()) {
      InstantCoder.of().encode(core.times().get(domain), out);
    }
    core.stateTable().encode(out, core.keyCoder(), core.windowCoder());
    Coder<TimerData<StructuralKey<K>>> timerCoder = timerCoder(core);
    VarLongCoder.of().encode(core.pendingTimers().nextSequence(), out);
    List<TimerData<StructuralKey<K>>> timers = core.pendingTimers().all();
    VarIntCoder.of().encode(timers.size(), out);
    for (TimerData<StructuralKey<K>> timer : timers) {
      timerCoder.encode(timer, out);
    }
  }

  static void read(StatefulDoFnCore<?, ?, ?> core, byte[] snapshot) {
    ByteArrayInputStream in = new ByteArrayInputStream(snapshot);
    try {
      readFrom(core, in);
      if (in.available() != 0) {
        throw new CoderException(in.available() + " of " + snapshot.length + " bytes are left over");
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(core.describe() + ": cannot restore from the snapshot: " + e.getMessage(), e);
    }
  }

  private static <K> void readFrom(StatefulDoFnCore<K, ?, ?> core, ByteArrayInputStream in) throws IOException {
    int version = VarIntCoder.of().decode(in);
    if (version != VERSION) {
      throw new CoderException("the snapshot has format version " + version + ", this Weir reads version " + VERSION);
    }
    for (TimeDomain domain : TimeDomain.values()) {
      core.times().put(domain, InstantCoder.of().decode(in));
    }
    core.stateTable().decode(in, core.keyCoder(), core.windowCoder());
    Coder<TimerData<StructuralKey<K>>> timerCoder = timerCoder(core);
    long nextSequence = VarLongCoder.of().decode(in);
    int count = VarIntCoder.of().decode(in);
    List<TimerData<StructuralKey<K>>> timers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      TimerData<StructuralKey<K>> timer = timerCoder.decode(in);
      if (!timer.timerId().equals(StatefulDoFnCore.EXPIRY_TIMER_ID) && !core.declaresTimer(timer.timerId())) {
        throw new CoderException("the snapshot holds timer '" + timer.timerId() + "', which the DoFn does not "
            + "declare; the DoFn changed since the snapshot was taken");
      }
      timers.add(timer);
    }
    core.pendingTimers().restore(timers, nextSequence);
  }

  private static <K> Coder<TimerData<StructuralKey<K>>> timerCoder(StatefulDoFnCore<K, ?, ?> core) {
    return TimerDataCoder.of(StructuralKey.coder(core.keyCoder()), core.windowCoder());
  }
}
