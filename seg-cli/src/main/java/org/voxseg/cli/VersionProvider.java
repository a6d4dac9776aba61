package org.voxseg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code voxseg --version}: voxseg's version and the DJL and libtorch builds it was made with. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties versions = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String[] {
            "voxseg " + versions.getProperty("version"),
            "DJL " + versions.getProperty("djl") + ", libtorch " + versions.getProperty("libtorch") + " (CPU)",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
