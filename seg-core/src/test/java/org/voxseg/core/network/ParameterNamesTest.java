package org.voxseg.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParameterNamesTest {

    @Test
    void djlPathsBecomeDottedNames() {
        assertEquals("encoder0.conv0.conv.weight", ParameterNames.readable("01encoder0_01conv0_01conv_weight"));
        assertEquals("encoder1.skip_norm.gamma", ParameterNames.readable("02encoder1_05skip_norm_gamma"));
        assertEquals("up0.bias", ParameterNames.readable("05up0_bias"));
        assertEquals("weight", ParameterNames.readable("weight"));
    }
}
