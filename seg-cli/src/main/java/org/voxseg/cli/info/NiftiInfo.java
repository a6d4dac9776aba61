package org.voxseg.cli.info;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.voxseg.data.nifti.NiftiHeader;
import org.voxseg.data.nifti.NiftiReader.NiftiImage;
import org.voxseg.data.volume.IntensityStatistics;

/**
 * What {@code voxseg info} reports about a NIfTI file: header fields and value statistics, with JSON names as in
 * nibabel-derived fixtures ({@code nifti_version}, {@code scl_slope}, ...). Null stands for "not set": no scaling,
 * an xform whose code is 0, no finite value.
 */
@JsonPropertyOrder({"file", "nifti_version", "shape", "datatype", "datatype_name", "byte_order", "pixdim",
    "vox_offset", "scl_slope", "scl_inter", "qform_code", "sform_code", "qform", "sform", "affine", "xyzt_units",
    "descrip", "intent_code", "intent_name", "nan_count", "infinite_count", "finite_min", "finite_max",
    "finite_sum"})
record NiftiInfo(String file, int niftiVersion, List<Long> shape, int datatype, String datatypeName,
        String byteOrder, List<Double> pixdim, long voxOffset, Double sclSlope, Double sclInter, int qformCode,
        int sformCode, List<List<Double>> qform, List<List<Double>> sform, List<List<Double>> affine, int xyztUnits,
        String descrip, int intentCode, String intentName, long nanCount, long infiniteCount, Double finiteMin,
        Double finiteMax, double finiteSum) {

    private static final String[] XFORM_NAMES = {"unknown", "scanner", "aligned", "talairach", "mni", "template"};

    NiftiInfo {
        shape = List.copyOf(shape);
        pixdim = List.copyOf(pixdim);
        qform = qform == null ? null : qform.stream().map(List::copyOf).toList();
        sform = sform == null ? null : sform.stream().map(List::copyOf).toList();
        affine = affine.stream().map(List::copyOf).toList();
    }

    static NiftiInfo of(Path file, NiftiImage image) {
        NiftiHeader h = image.header();
        IntensityStatistics stats = IntensityStatistics.of(image.volume());
        long[] dims = h.dims();
        return new NiftiInfo(
                file.toString(),
                h.version(),
                Arrays.stream(dims).boxed().toList(),
                h.datatype().code(),
                h.datatype().label(),
                h.byteOrder() == ByteOrder.BIG_ENDIAN ? ">" : "<",
                Arrays.stream(h.pixdim(), 1, 1 + dims.length).boxed().toList(),
                h.voxOffset(),
                h.hasScaling() ? h.sclSlope() : null,
                h.hasScaling() ? h.sclInter() : null,
                h.qformCode(),
                h.sformCode(),
                h.qformCode() > 0 ? rows(h.qform().toRows()) : null,
                h.sformCode() > 0 ? rows(h.sform().toRows()) : null,
                rows(h.affine().toRows()),
                h.xyztUnits(),
                h.description(),
                h.intentCode(),
                h.intentName(),
                stats.nanCount(),
                stats.infiniteCount(),
                stats.finiteCount() > 0 ? stats.finiteMin() : null,
                stats.finiteCount() > 0 ? stats.finiteMax() : null,
                stats.finiteSum());
    }

    /** The report as aligned "name  value" lines for people. */
    String toText() {
        StringBuilder out = new StringBuilder();
        line(out, "file", file);
        line(out, "format", "NIfTI-" + niftiVersion + ", " + (byteOrder.equals(">") ? "big" : "little")
                + "-endian, " + datatypeName + " (" + datatype + "), data at byte " + voxOffset);
        line(out, "shape", shape.stream().map(String::valueOf).collect(Collectors.joining(" x ")));
        line(out, "pixdim", pixdim.stream().map(NiftiInfo::number).collect(Collectors.joining(" ")));
        line(out, "scaling", sclSlope == null ? "none" : "value * " + number(sclSlope) + " + " + number(sclInter));
        line(out, "qform", xformLine(qformCode, qform));
        line(out, "sform", xformLine(sformCode, sform));
        line(out, "affine", matrixText(affine) + " (" + (sformCode > 0 ? "sform" : qformCode > 0 ? "qform"
                : "pixdim") + ")");
        if (!descrip.isEmpty()) {
            line(out, "description", descrip);
        }
        if (intentCode != 0 || !intentName.isEmpty()) {
            line(out, "intent", intentCode + (intentName.isEmpty() ? "" : " (" + intentName + ")"));
        }
        line(out, "values", finiteMin == null ? "no finite value"
                : "min " + number(finiteMin) + ", max " + number(finiteMax) + ", sum " + number(finiteSum));
        line(out, "non-finite", nanCount + " NaN, " + infiniteCount + " infinite");
        return out.toString();
    }

    private static List<List<Double>> rows(double[][] matrix) {
        return Arrays.stream(matrix).map(row -> Arrays.stream(row).boxed().toList()).toList();
    }

    private static String xformLine(int code, List<List<Double>> matrix) {
        String name = code >= 0 && code < XFORM_NAMES.length ? XFORM_NAMES[code] : "invalid";
        return "code " + code + " (" + name + ")" + (matrix == null ? "" : " " + matrixText(matrix));
    }

    private static String matrixText(List<List<Double>> rows) {
        return rows.subList(0, 3).stream()
                .map(row -> row.stream().map(NiftiInfo::number).collect(Collectors.joining(" ", "[", "]")))
                .collect(Collectors.joining(" "));
    }

    /**
     * Seven significant digits, header round-off (below 1e-9) shown as 0: "2.199999", "117.8551", "0"; a NaN or
     * infinite header field as "NaN", "Infinity", "-Infinity" (a damaged header is shown, not a crash).
     */
    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (Math.abs(v) < 1e-9) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(7)).stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "%-12s %s%n", name, value));
    }
}
