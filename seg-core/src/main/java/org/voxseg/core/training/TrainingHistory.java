package org.voxseg.core.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The epochs of a run so far, oldest first. Immutable; {@link #toSeries} and {@link #fromSeries} convert to and from
 * the per-column form that checkpoints store and {@code training_log.csv} shows: {@code train_loss}, {@code lr},
 * {@code val_loss}, {@code val_dice}, {@code val_dice_ema} (derived, see {@link #movingAverageDice}),
 * {@code dice_<output>} for each output, {@code seconds}, and {@code foreground_<output>} for each output (the
 * fraction of validation voxels predicted as it; absent from runs of earlier versions, read as NaN).
 *
 * @param outputs the output channel names (e.g. WT, TC, ET)
 * @param epochs the epochs, oldest first, numbered 1, 2, ...
 */
public record TrainingHistory(List<String> outputs, List<EpochResult> epochs) {

    private static final String TRAIN_LOSS = "train_loss";
    private static final String RATE = "lr";
    private static final String VALIDATION_LOSS = "val_loss";
    private static final String VALIDATION_DICE = "val_dice";
    private static final String MOVING_AVERAGE_DICE = "val_dice_ema";
    private static final double SMOOTHING = 0.9;
    private static final String DICE_PREFIX = "dice_";
    private static final String SECONDS = "seconds";
    private static final String FOREGROUND_PREFIX = "foreground_";

    public TrainingHistory {
        outputs = List.copyOf(outputs);
        epochs = List.copyOf(epochs);
        for (int e = 0; e < epochs.size(); e++) {
            if (epochs.get(e).epoch() != e + 1) {
                throw new IllegalArgumentException("epoch " + epochs.get(e).epoch() + " at position " + (e + 1));
            }
        }
    }

    /** The history of a run that has not trained yet. */
    public static TrainingHistory empty(List<String> outputs) {
        return new TrainingHistory(outputs, List.of());
    }

    /** This history and one more epoch. */
    public TrainingHistory plus(EpochResult result) {
        List<EpochResult> longer = new ArrayList<>(epochs);
        longer.add(result);
        return new TrainingHistory(outputs, longer);
    }

    /** The number of epochs. */
    public int size() {
        return epochs.size();
    }

    /** Epoch {@code epoch} (from 1). */
    public EpochResult epoch(int epoch) {
        return epochs.get(epoch - 1);
    }

    /** The newest epoch, if any. */
    public Optional<EpochResult> latest() {
        return epochs.isEmpty() ? Optional.empty() : Optional.of(epochs.get(epochs.size() - 1));
    }

    /** The mean foreground Dice of the validated epochs, in order. */
    public List<Double> validatedDice() {
        return epochs.stream().filter(e -> e.validation().isPresent()).map(EpochResult::meanDice).toList();
    }

    /**
     * nnU-Net's {@code ema_fg_dice} after each epoch: {@code 0.9 * previous + 0.1 * dice} over the validated epochs,
     * starting from the first validated epoch's Dice; an epoch without validation carries the previous value (NaN
     * before the first validation). A function of the history, so a resumed run has the same averages.
     */
    public double[] movingAverageDice() {
        double[] averages = new double[epochs.size()];
        double average = Double.NaN;
        for (int e = 0; e < averages.length; e++) {
            EpochResult epoch = epochs.get(e);
            if (epoch.validation().isPresent()) {
                average = Double.isNaN(average) ? epoch.meanDice()
                        : SMOOTHING * average + (1 - SMOOTHING) * epoch.meanDice();
            }
            averages[e] = average;
        }
        return averages;
    }

    /** The history as named columns of one value per epoch (NaN where an epoch was not validated). */
    public Map<String, List<Double>> toSeries() {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>(columns(outputs));
        outputs.forEach(name -> columns.add(FOREGROUND_PREFIX + name));
        for (String name : columns) {
            series.put(name, new ArrayList<>());
            if (name.equals(VALIDATION_DICE)) {
                series.put(MOVING_AVERAGE_DICE, new ArrayList<>());
            }
        }
        double[] averages = movingAverageDice();
        for (EpochResult e : epochs) {
            series.get(MOVING_AVERAGE_DICE).add(e.validation().isPresent() ? averages[e.epoch() - 1] : Double.NaN);
            series.get(TRAIN_LOSS).add(e.trainLoss());
            series.get(RATE).add(e.learningRate());
            series.get(VALIDATION_LOSS).add(e.validation().map(ValidationScores::loss).orElse(Double.NaN));
            series.get(VALIDATION_DICE).add(e.meanDice());
            for (int c = 0; c < outputs.size(); c++) {
                int channel = c;
                series.get(DICE_PREFIX + outputs.get(c)).add(e.validation()
                        .map(v -> v.outputs().get(channel).dice()).orElse(Double.NaN));
            }
            series.get(SECONDS).add(e.seconds());
            for (int c = 0; c < outputs.size(); c++) {
                int channel = c;
                series.get(FOREGROUND_PREFIX + outputs.get(c)).add(e.validation()
                        .map(v -> v.outputs().get(channel).predictedFraction()).orElse(Double.NaN));
            }
        }
        series.replaceAll((name, values) -> List.copyOf(values));
        return series;
    }

    /**
     * The history that {@link #toSeries} wrote.
     *
     * @throws IllegalArgumentException if a column is missing or the columns differ in length
     */
    public static TrainingHistory fromSeries(Map<String, List<Double>> series, List<String> outputs) {
        for (String name : columns(outputs)) {
            if (!series.containsKey(name)) {
                throw new IllegalArgumentException("the history lacks '" + name + "': " + series.keySet());
            }
        }
        int epochs = series.get(TRAIN_LOSS).size();
        if (series.values().stream().anyMatch(values -> values.size() != epochs)) {
            throw new IllegalArgumentException("the history's columns differ in length");
        }
        List<EpochResult> results = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            double dice = series.get(VALIDATION_DICE).get(e);
            Optional<ValidationScores> validation = Optional.empty();
            if (!Double.isNaN(dice)) {
                List<ValidationScores.OutputDice> perOutput = new ArrayList<>();
                for (String name : outputs) {
                    List<Double> foreground = series.get(FOREGROUND_PREFIX + name);
                    perOutput.add(new ValidationScores.OutputDice(name, series.get(DICE_PREFIX + name).get(e),
                            foreground == null ? Double.NaN : foreground.get(e)));
                }
                validation = Optional.of(new ValidationScores(series.get(VALIDATION_LOSS).get(e), perOutput, dice));
            }
            results.add(new EpochResult(e + 1, series.get(TRAIN_LOSS).get(e), series.get(RATE).get(e), validation,
                    series.get(SECONDS).get(e)));
        }
        return new TrainingHistory(outputs, results);
    }

    private static List<String> columns(List<String> outputs) {
        List<String> names = new ArrayList<>(List.of(TRAIN_LOSS, RATE, VALIDATION_LOSS, VALIDATION_DICE));
        outputs.forEach(name -> names.add(DICE_PREFIX + name));
        names.add(SECONDS);
        return names;
    }
}
