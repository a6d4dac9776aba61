package org.voxseg.core.engine;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a JVM started from this one to run a main class of voxseg's, for work that must not share this
 * process (libtorch's global state, a model that may never return): this JVM's java, class path and options (without
 * agents and log files, which would clash between processes), and the engine's settings ({@code ai.djl.*}
 * properties, threads and offline loading) as this process has them now, including those set after it started.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The command that runs {@code main} with {@code arguments} in a child JVM. */
    public static List<String> command(Class<?> main, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(option -> !option.startsWith(
                "-agentlib") && !option.startsWith("-agentpath") && !option.startsWith("-javaagent")
                && !option.startsWith("-Xlog")).forEach(command::add);
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("ai.djl.")).sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        return command;
    }
}
