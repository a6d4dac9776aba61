package org.voxseg.core.config;

import java.io.IOException;

/** A configuration file that cannot be used; the message is one line naming the file and the key. */
public class ConfigException extends IOException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
