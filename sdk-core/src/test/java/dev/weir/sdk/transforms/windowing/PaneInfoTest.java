package dev.weir.sdk.transforms.windowing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderProperties;
import dev.weir.sdk.transforms.windowing.PaneInfo.PaneInfoCoder;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** {@link PaneInfo} and its coder. */
class PaneInfoTest {

  @Test
  void aFirstPaneWithoutIndicesHasIndexZero() {
    PaneInfo pane = PaneInfo.createPane(true, false, Timing.ON_TIME);
    assertThat(pane.getIndex(), is(0L));
    assertThat(pane.getNonSpeculativeIndex(), is(0L));
  }

  @Test
  void anEarlyPanesNonSpeculativeIndexIsMinusOne() {
    assertThat(PaneInfo.createPane(true, false, Timing.EARLY).getNonSpeculativeIndex(), is(-1L));
  }

  @Test
  void aPaneWithoutIndicesMustBeTheFirst() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PaneInfo.createPane(false, false, Timing.LATE));
    assertThat(e.getMessage(), equalTo("A pane created without indices must be the first pane"));
  }

  @Test
  void aFirstPaneHasItsImpliedIndicesWhateverIsPassed() {
    PaneInfo early = PaneInfo.createPane(true, false, Timing.EARLY, 3, 2);
    PaneInfo late = PaneInfo.createPane(true, false, Timing.LATE, 1, 1);

    assertThat(early, is(PaneInfo.createPane(true, false, Timing.EARLY)));
    assertThat(early.getIndex(), is(0L));
    assertThat(early.getNonSpeculativeIndex(), is(-1L));
    assertThat(late.getIndex(), is(0L));
    assertThat(late.getNonSpeculativeIndex(), is(0L));
  }

  @Test
  void aPaneThatIsNotTheFirstNeedsAnIndexOfAtLeastOne() {
    assertThrows(IllegalArgumentException.class, () -> PaneInfo.createPane(false, false, Timing.LATE, 0, 0));
  }

  @Test
  void aNegativeIndexFails() {
    assertThrows(IllegalArgumentException.class, () -> PaneInfo.createPane(false, false, Timing.LATE, -1, 0));
  }

  @Test
  void theTwoCommonPanesAreInterned() {
    assertThat(PaneInfo.createPane(true, true, Timing.UNKNOWN), sameInstance(PaneInfo.NO_FIRING));
    assertThat(PaneInfo.createPane(true, true, Timing.ON_TIME), sameInstance(PaneInfo.ON_TIME_AND_ONLY_FIRING));
  }

  @Test
  void noFiringIsFirstLastAndUnknown() {
    assertThat(PaneInfo.NO_FIRING.isFirst() && PaneInfo.NO_FIRING.isLast() && PaneInfo.NO_FIRING.isUnknown(), is(true));
  }

  @Test
  void panesWithTheSameShapeAreEqual() {
    assertThat(PaneInfo.createPane(false, true, Timing.LATE, 3, 2), equalTo(PaneInfo.createPane(false, true, Timing.LATE, 3, 2)));
    assertThat(PaneInfo.createPane(false, true, Timing.LATE, 3, 2).hashCode(),
        equalTo(PaneInfo.createPane(false, true, Timing.LATE, 3, 2).hashCode()));
  }

  @Test
  void theCoderRoundTripsEveryShapeOfPane() throws Exception {
    for (Timing timing : Timing.values()) {
      for (boolean isLast : new boolean[] {false, true}) {
        long firstNonSpeculative = timing == Timing.EARLY ? -1 : 0;
        assertRoundTrips(PaneInfo.createPane(true, isLast, timing, 0, firstNonSpeculative));
        assertRoundTrips(PaneInfo.createPane(false, isLast, timing, 5, timing == Timing.EARLY ? -1 : 2));
      }
    }
    assertRoundTrips(PaneInfo.createPane(false, false, Timing.LATE, Long.MAX_VALUE, Long.MAX_VALUE - 1));
  }

  private static void assertRoundTrips(PaneInfo pane) throws Exception {
    assertThat(CoderProperties.decodeEncode(PaneInfoCoder.INSTANCE, pane), equalTo(pane));
  }

  @Test
  void theCommonPanesEncodeInOneByteAndDecodeToTheInternedInstances() throws Exception {
    assertThat(CoderProperties.encode(PaneInfoCoder.INSTANCE, PaneInfo.NO_FIRING).length, is(1));
    assertThat(CoderProperties.encode(PaneInfoCoder.INSTANCE, PaneInfo.ON_TIME_AND_ONLY_FIRING).length, is(1));
    assertThat(CoderProperties.decodeEncode(PaneInfoCoder.INSTANCE, PaneInfo.NO_FIRING), sameInstance(PaneInfo.NO_FIRING));
  }

  @Test
  void anUnknownEncodingTagFails() {
    CoderException e = assertThrows(CoderException.class,
        () -> PaneInfoCoder.INSTANCE.decode(new ByteArrayInputStream(new byte[] {9})));
    assertThat(e.getMessage(), equalTo("unknown PaneInfo encoding tag 9"));
  }

  @Test
  void anUnknownTimingInTheFlagsFails() {
    assertThrows(CoderException.class,
        () -> PaneInfoCoder.INSTANCE.decode(new ByteArrayInputStream(new byte[] {2, (byte) 0x7c, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0})));
  }

  @Test
  void toStringOfAnEarlyPaneOmitsTheOnTimeIndex() {
    assertThat(PaneInfo.createPane(true, false, Timing.EARLY).toString(),
        equalTo("PaneInfo{isFirst=true, timing=EARLY, index=0}"));
  }
}
