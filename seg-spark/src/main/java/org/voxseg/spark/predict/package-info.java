/**
 * {@code voxseg-spark predict}: cases found on any Hadoop file system, one Spark task each, models loaded once per
 * executor JVM, label maps identical to {@code voxseg predict}'s published atomically, and a results table.
 */
package org.voxseg.spark.predict;
