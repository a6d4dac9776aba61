package org.voxseg.cli;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an output path, refusing an empty one: {@code Path.of("")} is the working folder, which a command would then
 * write into without anyone having named it.
 */
public final class OutputPathConverter implements ITypeConverter<Path> {

    @Override
    public Path convert(String value) {
        if (value.isBlank()) {
            throw new TypeConversionException("the path is empty; name the folder or file to write");
        }
        return Path.of(value);
    }
}
