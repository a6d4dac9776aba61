/**
 * {@code voxseg-spark evaluate}: predictions paired with references by case name, one Spark task per case scoring
 * Dice and HD95 with seg-data's evaluation code, and {@code voxseg evaluate}'s summary.
 */
package org.voxseg.spark.evaluate;
