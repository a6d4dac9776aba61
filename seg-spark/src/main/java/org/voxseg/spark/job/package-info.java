/**
 * What the Spark jobs share: one task per case, where it ran, the per-case status, and the results table written
 * as Parquet and CSV.
 */
package org.voxseg.spark.job;
