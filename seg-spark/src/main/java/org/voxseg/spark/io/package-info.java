/**
 * Files on any Hadoop file system ({@code file:}, {@code hdfs:}, {@code s3a:}): the driver's configuration carried to
 * the executors, local copies of inputs for a task, and outputs published through per-attempt temporary names.
 */
package org.voxseg.spark.io;
