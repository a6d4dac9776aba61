package org.voxseg.data.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deterministic share of a set of cases: part K of N takes, of the cases sorted by id, every N-th from the K-th
 * (1-based), so N jobs given parts 1 to N cover every case exactly once, whatever order the files are listed in. A
 * share may be split again (one part per device inside one array job).
 *
 * @param part which share, from 1
 * @param parts how many shares
 * @param within the share this one is taken from, or null for all the cases
 */
public record CaseShare(int part, int parts, CaseShare within) {

    /** Every case. */
    public static final CaseShare ALL = new CaseShare(1, 1, null);

    public CaseShare {
        if (parts < 1 || part < 1 || part > parts) {
            throw new IllegalArgumentException("a share is K/N with 1 <= K <= N, not " + part + "/" + parts);
        }
    }

    /**
     * Reads {@code K/N}.
     *
     * @throws IllegalArgumentException naming the text when it is not K/N with 1 <= K <= N
     */
    public static CaseShare parse(String text) {
        String[] fields = text.trim().split("/", -1);
        try {
            if (fields.length == 2) {
                return new CaseShare(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), null);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a share K/N with 1 <= K <= N", e);
        }
        throw new IllegalArgumentException("'" + text + "' is not a share K/N with 1 <= K <= N");
    }

    /** Part {@code k} of {@code n} of this share. */
    public CaseShare split(int k, int n) {
        return new CaseShare(k, n, this);
    }

    /** The cases of this share, in id order. */
    public List<CaseFiles> select(List<CaseFiles> cases) {
        List<CaseFiles> sorted = within == null
                ? cases.stream().sorted(Comparator.comparing(CaseFiles::id)).toList() : within.select(cases);
        List<CaseFiles> mine = new ArrayList<>();
        for (int i = part - 1; i < sorted.size(); i += parts) {
            mine.add(sorted.get(i));
        }
        return mine;
    }

    /** Whether this share is every case. */
    public boolean isAll() {
        return parts == 1 && (within == null || within.isAll());
    }

    @Override
    public String toString() {
        return (within == null || within.isAll() ? "" : within + " ") + part + "/" + parts;
    }
}
