package org.voxseg.core.network;

import java.util.regex.Pattern;

/**
 * Readable parameter names: DJL names a parameter by its path with numbered children
 * ({@code 01encoder0_01conv0_01conv_weight}); people (parameter groups, freezing) write dotted paths like
 * PyTorch's ({@code encoder0.conv0.conv.weight}).
 */
public final class ParameterNames {

    private static final Pattern CHILD_BOUNDARY = Pattern.compile("_(?=\\d{2})");
    private static final Pattern CHILD_NUMBER = Pattern.compile("^\\d{2}");

    private ParameterNames() {
    }

    /** The dotted path of a DJL parameter name; a name without DJL's numbering is returned unchanged. */
    public static String readable(String djlName) {
        if (!CHILD_NUMBER.matcher(djlName).find()) {
            return djlName;
        }
        String[] parts = CHILD_BOUNDARY.split(djlName);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = CHILD_NUMBER.matcher(parts[i]).replaceFirst("");
            if (i == parts.length - 1) {
                int parameter = part.lastIndexOf('_');
                part = parameter < 0 ? part : part.substring(0, parameter) + "." + part.substring(parameter + 1);
            }
            name.append(i == 0 ? "" : ".").append(part);
        }
        return name.toString();
    }
}
