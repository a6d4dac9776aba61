package org.voxseg.cli;

import org.voxseg.core.prediction.MirrorAxes;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --tta-axes x,y,z}. */
public final class MirrorAxesConverter implements ITypeConverter<MirrorAxes> {

    @Override
    public MirrorAxes convert(String value) {
        return MirrorAxes.parse(value);
    }
}
