/**
 * voxseg info: a NIfTI file's header and value statistics, as text or JSON.
 */
package org.voxseg.cli.info;
