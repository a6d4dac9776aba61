package org.voxseg.spark.io;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The driver's Hadoop configuration (core-site.xml, {@code spark.hadoop.*}, s3a credentials providers) carried to
 * the executors with each task, so that every side opens a URI's file system the same way.
 */
public final class HadoopSettings implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private transient Configuration configuration;

    public HadoopSettings(Configuration configuration) {
        this.configuration = new Configuration(configuration);
    }

    /** The file system of {@code uri}; Hadoop caches it, so callers do not close it. */
    public FileSystem fileSystem(Path uri) throws IOException {
        return uri.getFileSystem(configuration);
    }

    /** {@code uri} made absolute and given its file system's scheme, e.g. {@code data} to {@code file:/home/x/data}. */
    public Path qualified(String uri) throws IOException {
        Path path = new Path(uri);
        return fileSystem(path).makeQualified(path);
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        configuration.write(out);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        configuration = new Configuration(false);
        configuration.readFields(in);
    }
}
