package org.voxseg.data.synthetic;

import org.voxseg.data.volume.Volume;

/**
 * One generated case: its modalities (four channels in BraTS order: flair, t1, t1ce, t2) and its label map (BraTS
 * labels 1, 2, 4), on one grid.
 */
public record SyntheticCase(String id, Volume image, Volume labels) {
}
