/**
 * {@code voxseg-spark}: batch prediction and evaluation of many cases on Apache Spark, over the same headless API
 * ({@code org.voxseg.core.api.ModelPredictor}) and evaluation code ({@code org.voxseg.data.evaluation}) as
 * {@code voxseg}.
 */
package org.voxseg.spark;
