package org.voxseg.data.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LabelTypeTest {

    @Test
    void picksTheSmallestTypeThatHoldsTheRange() {
        assertEquals(LabelType.UINT8, LabelType.holding(0, 4));
        assertEquals(LabelType.UINT8, LabelType.holding(0, 255));
        assertEquals(LabelType.INT16, LabelType.holding(0, 300));
        assertEquals(LabelType.INT16, LabelType.holding(-1, 4));
        assertEquals(LabelType.INT32, LabelType.holding(0, 40000));
        assertEquals(LabelType.INT32, LabelType.holding(-40000, 0));
    }

    @Test
    void knowsItsSize() {
        assertEquals(1, LabelType.UINT8.bytes());
        assertEquals(2, LabelType.INT16.bytes());
        assertEquals(4, LabelType.INT32.bytes());
    }

    @Test
    void refusesAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> LabelType.holding(3, 2));
    }
}
