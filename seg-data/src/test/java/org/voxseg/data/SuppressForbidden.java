package org.voxseg.data;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a test method or class from the forbidden-API check (de.thetaphi:forbiddenapis, configured in the parent
 * pom), which recognises any annotation of this simple name. Say why in {@link #value()}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface SuppressForbidden {

    /** Why the forbidden API is needed here. */
    String value();
}
