package dev.weir.examples.compare;

import dev.weir.examples.bench.LatencyResult;
import dev.weir.examples.bench.LatencyResult.PaneEmission;
import dev.weir.examples.bench.LatencySummary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of the compare report, drawn with XChart and returned as PNG {@code data:} URIs, so
 * that the report is one file that opens offline. Needs no display ({@code java.awt.headless} is
 * set before the first chart). Stateless.
 */
final class ReportCharts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 460;
  /** Latencies are drawn on a log axis, which cannot show 0: anything below is drawn here. */
  private static final double LOG_FLOOR_MS = 0.01;

  private ReportCharts() {}

  /**
   * The CDF of one latency per run: for each run, the share of rows (y, %) whose latency was at
   * most x ms, x on a log scale so that milliseconds and seconds fit on one chart.
   */
  static String latencyCdf(String title, List<RunResult> runs, boolean visible) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("latency (ms, log scale)").yAxisTitle("rows with at most this latency (%)").build();
    chart.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0).setYAxisMax(100.0)
        .setLegendPosition(LegendPosition.OutsideS).setChartBackgroundColor(Color.WHITE);
    double low = Double.MAX_VALUE;
    double high = LOG_FLOOR_MS;
    for (RunResult run : runs) {
      LatencySummary summary = visible ? run.latency().visible() : run.latency().received();
      if (summary.count() == 0) {
        continue;
      }
      double[] x = new double[LatencySummary.QUANTILES.length];
      double[] y = new double[x.length];
      for (int k = 0; k < x.length; k++) {
        x[k] = Math.max(LOG_FLOOR_MS, summary.quantileValues()[k]);
        y[k] = LatencySummary.QUANTILES[k] * 100;
      }
      XYSeries series = chart.addSeries(run.setting(), x, y);
      series.setMarker(SeriesMarkers.NONE);
      series.setLineStyle(new BasicStroke(2f));
      low = Math.min(low, x[0]);
      high = Math.max(high, x[x.length - 1]);
    }
    // A log axis is labelled at powers of ten only: span whole decades so that it has labels.
    chart.getStyler().setXAxisMin(Math.pow(10, Math.floor(Math.log10(low))))
        .setXAxisMax(Math.pow(10, Math.ceil(Math.log10(high * 1.0001))));
    return png(chart);
  }

  /**
   * When one run emitted each window's panes, against the source's watermark: x is wall time since
   * the generator started, y event time; a window's pane is drawn at its window's end when the sink
   * received it and when it became visible.
   */
  static String paneTimeline(RunResult run) {
    LatencyResult latency = run.latency();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Panes of " + run.setting())
        .xAxisTitle("wall time since the generator started (s)").yAxisTitle("event time (s)").build();
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW).setChartBackgroundColor(Color.WHITE)
        .setMarkerSize(7);
    if (!latency.watermark().isEmpty()) {
      double[] x = latency.watermark().stream().mapToDouble(p -> p[0] / 1000).toArray();
      double[] y = latency.watermark().stream().mapToDouble(p -> Math.max(0, p[1] / 1000)).toArray();
      XYSeries watermark = chart.addSeries("watermark (max event time at the first step - 2048 ms)", x, y);
      watermark.setMarker(SeriesMarkers.NONE);
      watermark.setLineColor(Color.GRAY);
    }
    List<PaneEmission> panes = latency.panes();
    if (!panes.isEmpty()) {
      scatter(chart, "pane received by the sink (window end)",
          panes.stream().mapToDouble(p -> p.firstWriteMs() / 1000).toArray(),
          panes.stream().mapToDouble(p -> p.windowEndMs() / 1000.0).toArray(), new Color(0x1f77b4));
      scatter(chart, "pane visible (committed)",
          panes.stream().mapToDouble(p -> p.visibleMs() / 1000).toArray(),
          panes.stream().mapToDouble(p -> p.windowEndMs() / 1000.0).toArray(), new Color(0xd62728));
    }
    return png(chart);
  }

  private static void scatter(XYChart chart, String name, double[] x, double[] y, Color color) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    series.setMarkerColor(color);
  }

  private static String png(XYChart chart) {
    try {
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(
          BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the chart '" + chart.getTitle() + "' as PNG", e);
    }
  }

  static {
    System.setProperty("java.awt.headless", "true");
  }
}
