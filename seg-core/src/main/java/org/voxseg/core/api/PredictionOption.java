package org.voxseg.core.api;

import java.util.Arrays;
import java.util.Locale;
import org.voxseg.core.engine.DeviceRequest;
import org.voxseg.core.engine.Precision;
import org.voxseg.core.prediction.MirrorAxes;
import org.voxseg.data.geometry.Extent;

/**
 * The prediction options every front end offers (the command line, voxseg-spark, Fiji), declared once: each one's
 * name, what it takes, its label and its help text, and what it changes of {@link PredictionOverrides}. Front ends
 * build their options from these constants, so they cannot drift apart; a value is given as text, the way a command
 * line or a dialog holds it, and read here with one message naming the option when it is wrong.
 */
public enum PredictionOption {

    ROI("roi", "X,Y,Z", PredictionTexts.ROI_LABEL, PredictionTexts.ROI_DESCRIPTION) {
        @Override
        void applyText(PredictionOverrides.Builder overrides, String value) {
            int[] sizes = Arrays.stream(value.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            overrides.roi(Extent.of(sizes));
        }
    },
    OVERLAP("overlap", "F", PredictionTexts.OVERLAP_LABEL, PredictionTexts.OVERLAP_DESCRIPTION) {
        @Override
        void applyText(PredictionOverrides.Builder overrides, String value) {
            overrides.overlap(Double.parseDouble(value));
        }
    },
    SW_BATCH("sw-batch", "N", PredictionTexts.SW_BATCH_LABEL, PredictionTexts.SW_BATCH_DESCRIPTION) {
        @Override
        void applyText(PredictionOverrides.Builder overrides, String value) {
            overrides.windowBatch(Integer.parseInt(value));
        }
    },
    TTA_AXES("tta-axes", "x,y,z", PredictionTexts.TTA_AXES_LABEL, PredictionTexts.TTA_AXES_DESCRIPTION) {
        @Override
        void applyText(PredictionOverrides.Builder overrides, String value) {
            overrides.mirrorAxes(MirrorAxes.parse(value)).tta(true);
        }
    },
    TTA("tta", null, PredictionTexts.TTA_LABEL, PredictionTexts.TTA_DESCRIPTION) {
        @Override
        void applyText(PredictionOverrides.Builder overrides, String value) {
            overrides.tta(switchedOn(value));
        }
    },
    POSTPROCESSING("postprocessing", null, PredictionTexts.POSTPROCESSING_LABEL,
            PredictionTexts.POSTPROCESSING_DESCRIPTION) {
        @Override
        void applyText(PredictionOverrides.Builder overrides, String value) {
            overrides.postprocessing(switchedOn(value));
        }
    },
    DEVICE("device", "auto|cpu|gpu|gpu:N", PredictionTexts.DEVICE_LABEL, PredictionTexts.DEVICE_DESCRIPTION) {
        @Override
        void applyText(PredictionOverrides.Builder overrides, String value) {
            overrides.device(DeviceRequest.parse(value));
        }
    },
    PRECISION("precision", "fp32|bf16|fp16", PredictionTexts.PRECISION_LABEL, PredictionTexts.PRECISION_DESCRIPTION) {
        @Override
        void applyText(PredictionOverrides.Builder overrides, String value) {
            try {
                overrides.precision(Precision.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(); // no enum constant ...: the option's message says it all
            }
        }
    };

    private final String key;
    private final String valueLabel;
    private final String label;
    private final String description;

    PredictionOption(String key, String valueLabel, String label, String description) {
        this.key = key;
        this.valueLabel = valueLabel;
        this.label = label;
        this.description = description;
    }

    /** The option's name: {@code --KEY} on a command line, e.g. {@code tta-axes}. */
    public String key() {
        return key;
    }

    /** The option's name in Java and in Fiji macros, e.g. {@code ttaAxes}. */
    public String fieldName() {
        StringBuilder name = new StringBuilder();
        for (String part : key.split("-")) {
            name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }

    /** Whether the option is on or off (a switch, {@code --tta}/{@code --no-tta}) rather than a value. */
    public boolean isSwitch() {
        return valueLabel == null;
    }

    /** What a value looks like, e.g. {@code X,Y,Z}; null for a switch. */
    public String valueLabel() {
        return valueLabel;
    }

    /** The label of a dialog field. */
    public String label() {
        return label;
    }

    /** The help text. */
    public String description() {
        return description;
    }

    /**
     * Sets what {@code value} says in {@code overrides}: a value as its text, a switch as on/off (or true/false).
     * Blank text keeps the model's setting.
     *
     * @throws IllegalArgumentException naming the option, the value and what it takes
     */
    public void apply(PredictionOverrides.Builder overrides, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            applyText(overrides, value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + key + " '" + value + "': takes " + (isSwitch() ? "on or off"
                    : valueLabel) + (e.getMessage() == null || e instanceof NumberFormatException ? ""
                    : " (" + e.getMessage() + ")"), e);
        }
    }

    abstract void applyText(PredictionOverrides.Builder overrides, String value);

    /** Reads a switch's text: on/true or off/false. */
    private static boolean switchedOn(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException(); // the option's message says what it takes
        };
    }
}
