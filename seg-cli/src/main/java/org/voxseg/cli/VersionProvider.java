package org.voxseg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.voxseg.core.engine.TorchRuntime;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code voxseg --version}: voxseg's version, the DJL and libtorch builds it was made with, and the libtorch it loads
 * here (its folder, CPU or CUDA build) with the devices that libtorch sees, and what becomes of the native memory it
 * frees.
 */
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
            "DJL " + versions.getProperty("djl") + ", built against libtorch " + versions.getProperty("libtorch"),
            TorchRuntime.describeDevices(),
            "native memory: freed tensors " + TorchRuntime.freedMemory().describe(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
