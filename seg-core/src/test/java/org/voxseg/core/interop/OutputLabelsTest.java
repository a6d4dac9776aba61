package org.voxseg.core.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxseg.core.network.OutputActivation;

class OutputLabelsTest {

    @Test
    void monaisBratsRegionsBecomeVoxsegsNestedOrder() {
        OutputLabels labels = OutputLabels.parseRegions("TC=1+4,WT=1+2+4,ET=4");

        assertEquals(OutputActivation.SIGMOID, labels.activation());
        assertEquals(List.of("WT", "TC", "ET"), labels.outputNames());
        assertEquals(List.of(2, 1, 4), labels.labels());
        assertEquals(List.of(1, 0, 2), labels.modelChannels());
        assertEquals(labels.outputNames(), OutputLabels.bratsRegions(List.of("tc", "wt", "et")).outputNames());
    }

    @Test
    void classesPutTheBackgroundFirst() {
        OutputLabels labels = OutputLabels.parseClasses("liver=1,background=0,tumour=2");

        assertEquals(OutputActivation.SOFTMAX, labels.activation());
        assertEquals(List.of("background", "liver", "tumour"), labels.outputNames());
        assertEquals(List.of(1, 2), labels.labels());
        assertEquals(List.of(1, 0, 2), labels.modelChannels());
    }

    @Test
    void regionsThatDoNotNestAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputLabels.parseRegions("A=1+2,B=3"));
        assertTrue(e.getMessage().startsWith("regions must nest"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OutputLabels.parseRegions("WT=1+2+4,ET=4"));
    }

    @Test
    void malformedOptionTextIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> OutputLabels.parseClasses("liver=1,tumour=2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputLabels.parseRegions("WT:1+2"));
        assertTrue(e.getMessage().startsWith("--regions takes NAME=VALUE items"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OutputLabels.parseRegions("WT=1+x"));
        assertThrows(IllegalArgumentException.class, () -> OutputLabels.bratsRegions(List.of("WT", "edema")));
    }
}
