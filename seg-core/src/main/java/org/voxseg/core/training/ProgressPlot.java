package org.voxseg.core.training;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.voxseg.data.io.AtomicFiles;

/**
 * The run's plots, drawn with XChart and written through a temporary file: {@code progress.png} (losses and Dice
 * per region by epoch above the learning rate, log scale) and the LR range test's loss by learning rate.
 */
public final class ProgressPlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    private ProgressPlot() {
    }

    /** Draws {@code history} (series by name, one value per epoch; NaN where not measured) into {@code file}. */
    public static void write(Path file, Map<String, List<Double>> history) throws IOException {
        XYChart curves = chart("Training progress", "loss / Dice");
        for (Map.Entry<String, List<Double>> series : history.entrySet()) {
            String name = series.getKey();
            if (name.endsWith("loss") || name.startsWith("dice_") || name.equals("val_dice")) {
                add(curves, name, series.getValue());
            }
        }
        XYChart rates = chart("Learning rate", "lr");
        rates.getStyler().setYAxisLogarithmic(true);
        add(rates, "lr", history.getOrDefault("lr", List.of()));
        BufferedImage top = BitmapEncoder.getBufferedImage(curves);
        BufferedImage bottom = BitmapEncoder.getBufferedImage(rates);
        BufferedImage image = new BufferedImage(WIDTH, 2 * HEIGHT, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().drawImage(top, 0, 0, null);
        image.getGraphics().drawImage(bottom, 0, HEIGHT, null);
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    /** Draws the range test's smoothed loss against the learning rate (log scale), marking the suggestion. */
    public static void writeRangeTest(Path file, LearningRateFinder.Result result) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("LR range test")
                .xAxisTitle("learning rate").yAxisTitle("smoothed loss").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(4);
        List<Double> rates = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i < result.rates().size(); i++) {
            if (Double.isFinite(result.losses().get(i))) {
                rates.add(result.rates().get(i));
                losses.add(result.losses().get(i));
            }
        }
        chart.addSeries("loss", rates, losses).setMarker(SeriesMarkers.NONE);
        double suggestion = result.suggestion();
        double lossAtSuggestion = losses.get(Math.max(0, rates.indexOf(suggestion)));
        chart.addSeries("suggested " + String.format(Locale.ROOT, "%.2g", suggestion), List.of(suggestion),
                List.of(lossAtSuggestion)).setMarker(SeriesMarkers.DIAMOND);
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setMarkerSize(4);
        return chart;
    }

    /** Adds the finite points of {@code values} (epochs 1, 2, ...); a series with none is left out. */
    private static void add(XYChart chart, String name, List<Double> values) {
        List<Double> epochs = new ArrayList<>();
        List<Double> finite = new ArrayList<>();
        for (int e = 0; e < values.size(); e++) {
            double value = values.get(e);
            if (Double.isFinite(value) && (!chart.getStyler().isYAxisLogarithmic() || value > 0)) {
                epochs.add(e + 1.0);
                finite.add(value);
            }
        }
        if (!finite.isEmpty()) {
            XYSeries series = chart.addSeries(name, epochs, finite);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
    }
}
